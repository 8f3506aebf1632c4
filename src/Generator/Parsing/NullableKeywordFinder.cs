using System;
using System.Collections.Generic;
using System.Threading;
using SharpYaml;

namespace Tether.Generator.Parsing;

/// <summary>
/// Finds every schema that says <c>nullable: true</c> in an OpenAPI 3.0 document. OpenAPI.NET turns the keyword
/// into a <c>null</c> type flag only when the schema also has a <c>type</c>; next to a <c>$ref</c>, a
/// <c>oneOf</c> or an <c>allOf</c> it drops it. Specs rely on exactly those forms (e.g. a nullable <c>$ref</c>),
/// so the keyword is read from the text instead.
/// </summary>
internal static class NullableKeywordFinder
{
    public static HashSet<string> Find(string content, CancellationToken cancellationToken)
    {
        var visitor = new Visitor();
        if (content.IndexOf("nullable", StringComparison.Ordinal) < 0)
        {
            return visitor.Pointers;
        }

        try
        {
            SpecTextScanner.Walk(content, visitor, cancellationToken);
        }
        catch (YamlException)
        {
            // The reader has already accepted the text; a stricter YAML walk failing only loses this refinement.
        }

        return visitor.Pointers;
    }

    private sealed class Visitor : SpecTextScanner.IVisitor
    {
        public HashSet<string> Pointers { get; } = new(StringComparer.Ordinal);

        public bool Descend(string pointer) => true;

        public bool OnNode(string pointer, int start, int end, bool isKey) => true;

        public bool OnMemberScalar(string mappingPointer, string key, string value)
        {
            if (key == "nullable" && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
            {
                Pointers.Add(mappingPointer);
            }

            return true;
        }
    }
}
