using System.Text.Json.Nodes;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;
using Tether.Generator.Reading.Yaml;

namespace Tether.Generator.Tests.Support;

/// <summary>
/// The two ways a YAML spec becomes JSON nodes: Tether's <see cref="BlockYamlReader"/> and SharpYaml + OpenAPI.NET's
/// converter (what OpenAPI.NET's YAML reader does). Used to prove the fast route never reads something differently.
/// </summary>
internal static class YamlRoutes
{
    /// <summary>SharpYaml's reading, or the exception it gave up with.</summary>
    public static (JsonNode? Node, Exception? Error) Reference(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count == 1 ? (YamlConverter.ToJsonNode(stream.Documents[0]), null) : (null, new InvalidDataException(stream.Documents.Count + " documents"));
        }
        catch (Exception exception)
        {
            return (null, exception);
        }
    }

    /// <summary>
    /// Null when the block reader declined or agrees with SharpYaml; otherwise what differs: the block reader
    /// accepted text SharpYaml rejects, or the two trees differ (the first differing JSON pointer).
    /// </summary>
    public static string? Disagreement(string yaml)
    {
        var fast = BlockYamlReader.TryRead(yaml, CancellationToken.None);
        if (fast is null)
        {
            return null;
        }

        var (reference, error) = Reference(yaml);
        if (reference is null)
        {
            return "the block reader accepted YAML that SharpYaml rejects: " + error?.Message;
        }

        return FirstDifference(fast, reference, "#");
    }

    public static string? FirstDifference(JsonNode? actual, JsonNode? expected, string pointer)
    {
        switch (actual, expected)
        {
            case (JsonObject a, JsonObject e):
                foreach (var (key, value) in e)
                {
                    if (!a.ContainsKey(key))
                    {
                        return $"{pointer}/{key}: missing";
                    }

                    if (FirstDifference(a[key], value, pointer + "/" + key) is { } inner)
                    {
                        return inner;
                    }
                }

                return a.Count == e.Count ? null : $"{pointer}: {a.Count} members instead of {e.Count} ({string.Join(", ", a.Select(m => m.Key).Except(e.Select(m => m.Key)))} extra)";
            case (JsonArray a, JsonArray e):
                for (var i = 0; i < Math.Min(a.Count, e.Count); i++)
                {
                    if (FirstDifference(a[i], e[i], pointer + "/" + i) is { } inner)
                    {
                        return inner;
                    }
                }

                return a.Count == e.Count ? null : $"{pointer}: {a.Count} items instead of {e.Count}";
            default:
                return JsonNode.DeepEquals(actual, expected)
                    ? null
                    : $"{pointer}: {Describe(actual)} instead of {Describe(expected)}";
        }
    }

    private static string Describe(JsonNode? node)
        => node is null ? "null" : node.GetValueKind() + " " + node.ToJsonString();
}
