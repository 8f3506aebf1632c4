using System;
using System.Collections.Generic;
using System.Threading;
using SharpYaml;

namespace Tether.Generator.Parsing;

/// <summary>
/// Finds, in an OpenAPI 3.0 document's text, the schema keywords OpenAPI.NET's 3.0 reader drops:
/// <c>nullable: true</c> is kept only as a <c>null</c> type flag next to a <c>type</c> (so a nullable <c>$ref</c>,
/// <c>oneOf</c> or <c>allOf</c> loses it), and <c>$recursiveRef</c> is discarded as unknown. Specs rely on both.
/// </summary>
internal static class DroppedKeywordFinder
{
    public static DroppedKeywords Find(string content, CancellationToken cancellationToken)
    {
        var visitor = new Visitor();
        if (content.IndexOf("nullable", StringComparison.Ordinal) < 0 && content.IndexOf("$recursiveRef", StringComparison.Ordinal) < 0)
        {
            return visitor.Result;
        }

        try
        {
            SpecTextScanner.Walk(content, visitor, cancellationToken);
        }
        catch (YamlException)
        {
            // The reader has already accepted the text; a stricter YAML walk failing only loses this refinement.
        }

        return visitor.Result;
    }

    private sealed class Visitor : SpecTextScanner.IVisitor
    {
        public DroppedKeywords Result { get; } = new();

        public bool Descend(string pointer) => true;

        public bool OnNode(string pointer, int start, int end, bool isKey) => true;

        public bool OnMemberScalar(string mappingPointer, string key, string value)
        {
            if (key == "nullable" && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
            {
                Result.Nullable.Add(mappingPointer);
            }
            else if (key == "$recursiveRef")
            {
                Result.RecursiveRefs[mappingPointer] = value;
            }

            return true;
        }
    }
}

/// <summary>Keywords found in the text by <see cref="DroppedKeywordFinder"/>, by the JSON pointer of their schema.</summary>
internal sealed class DroppedKeywords
{
    public HashSet<string> Nullable { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> RecursiveRefs { get; } = new(StringComparer.Ordinal);
}
