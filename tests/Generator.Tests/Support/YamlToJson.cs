using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;

namespace Tether.Generator.Tests.Support;

/// <summary>
/// Reads a YAML document into JSON nodes with the same YAML → JSON conversion OpenAPI.NET applies when it reads a
/// spec (plain scalars that look like numbers or booleans become numbers or booleans, everything else a string).
/// </summary>
internal static class YamlToJson
{
    // OpenAPI.NET's converter turns YAML null into this marker string; callers get a real null back.
    private const string NullSentinel = "openapi-json-null-sentinel-value-2BF93600-0FE4-4250-987A-E5DDB203E464";

    public static JsonNode? Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return RestoreNulls(YamlConverter.ToJsonNode(stream.Documents[0]));
    }

    /// <summary>The document as pretty-printed JSON: one member per line, so line-based edits still cut whole nodes.</summary>
    public static string Convert(string yaml) => Write(Parse(yaml), indented: true);

    public static string Write(JsonNode? node, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = indented,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer);
            }
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static JsonNode? RestoreNulls(JsonNode? node)
    {
        if (IsNullSentinel(node))
        {
            return null;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Where(member => IsNullSentinel(member.Value)).Select(member => member.Key).ToList())
                {
                    obj[name] = null;
                }

                foreach (var member in obj)
                {
                    RestoreNulls(member.Value);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (IsNullSentinel(array[i]))
                    {
                        array[i] = null;
                    }
                    else
                    {
                        RestoreNulls(array[i]);
                    }
                }

                break;
        }

        return node;
    }

    private static bool IsNullSentinel(JsonNode? node)
        => node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == NullSentinel;
}
