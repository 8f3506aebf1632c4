using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using Tether.Generator.Diagnostics;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading;

/// <summary>
/// 3.1 keywords in a 3.0 document, rewritten in the spec's tree before OpenAPI.NET reads it: a numeric
/// <c>exclusiveMinimum: 0</c> (which the 3.0 reader cannot read at all: the whole spec was a fatal error) and
/// <c>type: [string, 'null']</c>. Each rewrite is a TETHER021 info at the keyword's line, so the spec's author can
/// see what was assumed. (The other direction, 3.0's <c>nullable: true</c> in a 3.1 document, needs no rewrite: the
/// 3.1 reader keeps it as an unknown keyword, which <see cref="SchemaFacts.DeclaresNullable"/> honours.)
/// </summary>
internal static class CrossVersionKeywords
{
    private static readonly Regex Spec30Signs = new(
        @"[""']?exclusive(Minimum|Maximum)[""']?\s*:\s*-?\d|[""']?type[""']?\s*:\s*\[",
        RegexOptions.CultureInvariant);

    /// <summary>A cheap look at the text: only a spec that may hold such keywords pays for the tree.</summary>
    public static bool MayApply(string content) => Spec30Signs.IsMatch(content);

    /// <returns>How many keywords were rewritten.</returns>
    public static int Rewrite(JsonNode root, string path, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var count = 0;
        var pending = new Stack<(JsonNode Node, string Pointer)>();
        pending.Push((root, "#"));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (node, pointer) = pending.Pop();
            if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        pending.Push((item, pointer + "/" + i.ToString(CultureInfo.InvariantCulture)));
                    }
                }

                continue;
            }

            if (node is not JsonObject schema)
            {
                continue;
            }

            count += Rewrite30(schema, pointer, path, diagnostics);
            foreach (var member in schema.ToList())
            {
                // Example and default values are data, where a member named "nullable" or "type" means nothing.
                if (member.Value is { } child && !IsData(member.Key))
                {
                    pending.Push((child, pointer + "/" + JsonPointer.Escape(member.Key)));
                }
            }
        }

        return count;
    }

    /// <summary>The number a value holds: YAML trees keep scalars as text, JSON trees as numbers.</summary>
    private static string? NumberText(JsonValue value) => value.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.Number => value.ToJsonString(),
        System.Text.Json.JsonValueKind.String when double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            => value.GetValue<string>(),
        _ => null,
    };

    private static bool IsData(string key)
        => key is "example" or "examples" or "default" or "enum" or "const" || key.StartsWith("x-", System.StringComparison.Ordinal);

    private static int Rewrite30(JsonObject schema, string pointer, string path, DiagnosticBag diagnostics)
    {
        var count = 0;
        foreach (var (exclusive, bound) in new[] { ("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum") })
        {
            if (schema[exclusive] is JsonValue value && NumberText(value) is { } number)
            {
                schema[bound] = JsonNode.Parse(number);
                schema[exclusive] = true;
                Report(diagnostics, pointer + "/" + exclusive, path, exclusive + ": " + number, "3.1", bound + ": " + number + " with " + exclusive + ": true");
                count++;
            }
        }

        if (schema["type"] is JsonArray types && types.All(t => t is JsonValue v && v.TryGetValue<string>(out _)))
        {
            var names = types.Select(t => t!.GetValue<string>()).ToList();
            var others = names.Where(n => n != "null").Distinct().ToList();
            if (others.Count == 1)
            {
                schema["type"] = others[0];
                if (names.Contains("null"))
                {
                    schema["nullable"] = true;
                }

                Report(diagnostics, pointer + "/type", path, "type: [" + string.Join(", ", names) + "]", "3.1",
                    "type: " + others[0] + (names.Contains("null") ? " with nullable: true" : string.Empty));
                count++;
            }
        }

        return count;
    }

    private static void Report(DiagnosticBag diagnostics, string pointer, string path, string keyword, string otherVersion, string meaning)
        => diagnostics.Add(DiagnosticDescriptors.OtherVersionKeyword, pointer, path, keyword, otherVersion, meaning);
}
