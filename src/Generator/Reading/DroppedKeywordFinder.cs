using System;
using System.Collections.Generic;
using System.Threading;
using SharpYaml;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading;

/// <summary>
/// Finds, in a document's text, the deep <c>$ref</c> pointers OpenAPI.NET cuts short (see <see cref="DeepReferenceResolver"/>)
/// and, in an OpenAPI 3.0 document, the schema keywords OpenAPI.NET's 3.0 reader drops:
/// <c>nullable: true</c> is kept only as a <c>null</c> type flag next to a <c>type</c> (so a nullable <c>$ref</c>,
/// <c>oneOf</c> or <c>allOf</c> loses it), and <c>$recursiveRef</c> is discarded as unknown. Specs rely on both.
/// </summary>
internal static class DroppedKeywordFinder
{
    /// <param name="openApi30">Whether the 3.0 keywords are looked for; deep <c>$ref</c> pointers are looked for in any version.</param>
    public static DroppedKeywords Find(string content, bool openApi30, CancellationToken cancellationToken)
    {
        var visitor = new Visitor(openApi30);
        var dropped30 = openApi30
            && (content.IndexOf("nullable", StringComparison.Ordinal) >= 0 || content.IndexOf("$recursiveRef", StringComparison.Ordinal) >= 0);
        if (!dropped30 && !MayHoldDeepReference(content))
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

    // A cheap look before the walk: a deep pointer starts like one of these (quoted or not).
    private static bool MayHoldDeepReference(string content)
        => content.IndexOf("#/paths/", StringComparison.Ordinal) >= 0
            || content.IndexOf("/properties/", StringComparison.Ordinal) >= 0
            || content.IndexOf("/items", StringComparison.Ordinal) >= 0
            || content.IndexOf("Of/", StringComparison.Ordinal) >= 0
            || content.IndexOf("/additionalProperties", StringComparison.Ordinal) >= 0
            || content.IndexOf("/$defs/", StringComparison.Ordinal) >= 0
            || content.IndexOf("#/components/parameters/", StringComparison.Ordinal) >= 0;

    private sealed class Visitor(bool openApi30) : SpecTextScanner.IVisitor
    {
        public DroppedKeywords Result { get; } = new();

        public bool Descend(string pointer) => true;

        public bool OnNode(string pointer, int start, int end, bool isKey) => true;

        public bool OnMemberScalar(string mappingPointer, string key, string value)
        {
            if (key == "$ref")
            {
                if (DeepReferenceResolver.IsDeep(value))
                {
                    Result.DeepReferences[mappingPointer] = value;
                }
            }
            else if (!openApi30)
            {
                return true;
            }
            else if (key == "nullable" && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
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

    /// <summary>A <c>$ref</c> pointing inside a component or an operation, which OpenAPI.NET cuts to its last segment.</summary>
    public Dictionary<string, string> DeepReferences { get; } = new(StringComparer.Ordinal);
}
