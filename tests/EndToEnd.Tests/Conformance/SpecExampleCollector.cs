using System.Text.Json.Nodes;
using Tether.Generator.Tests.Support;

namespace Tether.EndToEnd.Tests.Conformance;

/// <summary>Finds every example in a spec read as JSON nodes: operation responses and schema examples.</summary>
internal static class SpecExampleCollector
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static List<SpecExample> Collect(JsonNode spec)
    {
        var examples = new List<SpecExample>();
        CollectOperationResponses(spec, examples);
        CollectSchemaMeta(spec, examples);
        CollectKeyword(spec, [], examples);
        return examples.Select(example => example.Segments is [var group, var path, var method, "parameters", var index, "schema"]
                && spec[group]?[path]?[method]?["parameters"]?[int.Parse(index, System.Globalization.CultureInfo.InvariantCulture)]?["name"] is JsonValue name
            ? example with { ParameterName = name.GetValue<string>() }
            : example).ToList();
    }

    private static void CollectOperationResponses(JsonNode spec, List<SpecExample> examples)
    {
        foreach (var group in new[] { "paths", "webhooks" })
        {
            if (spec[group] is not JsonObject paths)
            {
                continue;
            }

            foreach (var (path, item) in paths)
            {
                foreach (var method in Methods)
                {
                    if (item?[method] is not JsonObject operation || operation["x-oaiMeta"]?["examples"] is not { } listed)
                    {
                        continue;
                    }

                    var operationId = (string?)operation["operationId"] ?? $"{method} {path}";
                    var segments = new[] { group, path, method, "x-oaiMeta", "examples" };
                    if (listed is JsonArray many)
                    {
                        for (var i = 0; i < many.Count; i++)
                        {
                            var title = (string?)many[i]?["title"];
                            AddResponse(examples, many[i], $"{operationId} example {i + 1}{(title is null ? string.Empty : $" '{title}'")}", [.. segments, i.ToString(System.Globalization.CultureInfo.InvariantCulture)], operationId);
                        }
                    }
                    else
                    {
                        AddResponse(examples, listed, $"{operationId} example", segments, operationId);
                    }
                }
            }
        }
    }

    private static void AddResponse(List<SpecExample> examples, JsonNode? example, string id, string[] segments, string operationId)
    {
        switch (example?["response"])
        {
            case null:
                return; // a request-only example
            case JsonValue text when text.TryGetValue<string>(out var response):
                examples.Add(new SpecExample(id, ExampleOrigin.OperationResponse, [.. segments, "response"], operationId, response));
                break;
            case var structured:
                examples.Add(new SpecExample(id, ExampleOrigin.OperationResponse, [.. segments, "response"], operationId, YamlToJson.Write(structured)));
                break;
        }
    }

    private static void CollectSchemaMeta(JsonNode spec, List<SpecExample> examples)
    {
        if (spec["components"]?["schemas"] is not JsonObject schemas)
        {
            return;
        }

        foreach (var (key, schema) in schemas)
        {
            switch (schema?["x-oaiMeta"]?["example"])
            {
                case null:
                    break;
                case JsonValue text when text.TryGetValue<string>(out var example):
                    examples.Add(new SpecExample($"{key} x-oaiMeta.example", ExampleOrigin.SchemaMeta, ["components", "schemas", key], null, example));
                    break;
                case var structured:
                    examples.Add(new SpecExample($"{key} x-oaiMeta.example", ExampleOrigin.SchemaMeta, ["components", "schemas", key], null, YamlToJson.Write(structured)));
                    break;
            }
        }
    }

    /// <summary>Every <c>example</c> keyword outside the x-oaiMeta blocks (those hold documentation, handled above).</summary>
    private static void CollectKeyword(JsonNode? node, List<string> segments, List<SpecExample> examples)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (name == "x-oaiMeta")
                    {
                        continue;
                    }

                    // Under "properties", "example" would be the name of a property, not the keyword.
                    if (name == "example" && segments is not [.., "properties"])
                    {
                        var example = new SpecExample(string.Empty, ExampleOrigin.SchemaKeyword, [.. segments], null, YamlToJson.Write(value))
                        {
                            DeclaredType = obj["type"] is JsonValue type && type.TryGetValue<string>(out var declared) ? declared : null,
                        };
                        examples.Add(example with { Id = example.Pointer + " example" });
                        continue;
                    }

                    segments.Add(name);
                    CollectKeyword(value, segments, examples);
                    segments.RemoveAt(segments.Count - 1);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    segments.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    CollectKeyword(array[i], segments, examples);
                    segments.RemoveAt(segments.Count - 1);
                }

                break;
        }
    }
}
