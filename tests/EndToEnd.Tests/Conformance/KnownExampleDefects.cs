using System.Text.Json;
using Tether.Generator.Model;
using JsonValueKind = System.Text.Json.JsonValueKind;

namespace Tether.EndToEnd.Tests.Conformance;

/// <summary>
/// An example that contradicts its own schema at one place, excluded by name. <see cref="Verify"/> checks the
/// contradiction on the example and the parsed schema as they are now, so the reason is never taken on trust and a
/// fixed example in a newer spec fails the test until it is tested again.
/// </summary>
/// <param name="Path">Dot-separated member names from the example's root to the offending value.</param>
internal sealed record KnownExampleDefect(string Id, string Path)
{
    /// <summary>Null while the contradiction holds (<paramref name="reason"/> says what it is), else why the exclusion is stale.</summary>
    public string? Verify(ExamplePayload payload, ExampleTarget? target, ApiModel model, out string reason)
    {
        reason = string.Empty;
        if (payload.Values.Count != 1 || target is null)
        {
            return "the example is no longer one JSON value of a generated type";
        }

        using var document = JsonDocument.Parse(payload.Values[0]);
        var value = document.RootElement;
        var type = target.Type;
        var nullable = false;
        var where = type.Name ?? type.Kind.ToString();
        foreach (var step in Path.Split('.'))
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(step, out value))
            {
                return $"the example has no value at $.{Path} any more";
            }

            if (model.Types.FirstOrDefault(t => t.Name == type.Name) is not ObjectTypeModel owner
                || owner.Properties.FirstOrDefault(p => p.JsonName == step) is not { } property)
            {
                return $"the schema has no property '{step}' on {where} any more";
            }

            (type, nullable, where) = (property.Type, property.Nullable, owner.Name + "." + property.Name);
        }

        var accepted = Accepted(type, model).ToHashSet();
        if (nullable)
        {
            accepted.Add(JsonValueKind.Null);
        }

        if (accepted.Contains(value.ValueKind))
        {
            return $"the value at $.{Path} ({value.ValueKind}) now fits {where}";
        }

        reason = $"the example violates its own schema: a JSON {value.ValueKind} at $.{Path}, where the schema types {where} as {Describe(type)}{(nullable ? " or null" : string.Empty)}";
        return null;
    }

    private static IEnumerable<JsonValueKind> Accepted(TypeRef type, ApiModel model) => type.Kind switch
    {
        TypeRefKind.Any => Enum.GetValues<JsonValueKind>(),
        TypeRefKind.String or TypeRefKind.Date or TypeRefKind.Binary => [JsonValueKind.String],
        TypeRefKind.Boolean => [JsonValueKind.True, JsonValueKind.False],
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Single or TypeRefKind.UnixTime => [JsonValueKind.Number],
        TypeRefKind.Array => [JsonValueKind.Array],
        TypeRefKind.Map => [JsonValueKind.Object],
        _ => model.Types.FirstOrDefault(t => t.Name == type.Name) switch
        {
            ObjectTypeModel => [JsonValueKind.Object],
            EnumTypeModel => [JsonValueKind.String],
            UnionTypeModel union => union.Variants.SelectMany(variant => variant.ValueKind switch
            {
                Generator.Model.JsonValueKind.Object => new[] { JsonValueKind.Object },
                Generator.Model.JsonValueKind.Array => [JsonValueKind.Array],
                Generator.Model.JsonValueKind.String => [JsonValueKind.String],
                Generator.Model.JsonValueKind.Boolean => [JsonValueKind.True, JsonValueKind.False],
                _ => [JsonValueKind.Number],
            }),
            _ => [],
        },
    };

    private static string Describe(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Named => type.Name!,
        TypeRefKind.Array => "a list of " + Describe(type.Element ?? TypeRef.Any),
        TypeRefKind.Map => "a map of " + Describe(type.Element ?? TypeRef.Any),
        TypeRefKind.UnixTime => "UnixTime (a JSON number of seconds)",
        _ => type.Kind.ToString(),
    };
}

/// <summary>The examples of the official spec that contradict their own schema; each is re-verified on every run.</summary>
internal static class KnownExampleDefects
{
    private static readonly KnownExampleDefect[] All =
    [
        // An ISO date string where Response.created_at is a number of seconds.
        new("ResponseQueuedEvent x-oaiMeta.example", "response.created_at"),
        new("BetaResponseQueuedEvent x-oaiMeta.example", "response.created_at"),

        // A single string where the page echoes the query as a list of strings.
        new("searchVectorStore example", "search_query"),

        // A usage object where metadata.token_usage is an integer or null.
        new("runGrader example 1 'Score text alignment'", "metadata.token_usage"),
    ];

    public static IEnumerable<string> Ids => All.Select(defect => defect.Id);

    public static KnownExampleDefect? Find(string id) => All.FirstOrDefault(defect => defect.Id == id);
}
