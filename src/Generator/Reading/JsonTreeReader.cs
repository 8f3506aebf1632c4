using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;
using Tether.Generator.Reading.Yaml;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading;

/// <summary>
/// YAML or JSON text → the <see cref="JsonNode"/> tree OpenAPI.NET reads documents from, by the same routes
/// <see cref="SpecReader"/> takes: block YAML through <see cref="BlockYamlReader"/>, other YAML through SharpYaml and
/// OpenAPI.NET's own converter, JSON through System.Text.Json. For trees that are changed before they are read
/// (overlays), and for the overlay files themselves.
/// </summary>
internal static class JsonTreeReader
{
    /// <summary>The first document's root, or null when the text holds no document.</summary>
    /// <exception cref="System.Text.Json.JsonException">Invalid JSON.</exception>
    /// <exception cref="SharpYaml.YamlException">Invalid YAML.</exception>
    public static JsonNode? Read(string content, bool isJson, YamlRoute route, CancellationToken cancellationToken)
    {
        if (isJson)
        {
            return JsonNode.Parse(content);
        }

        if (route == YamlRoute.BlockReaderFirst && BlockYamlReader.TryRead(content, cancellationToken) is { } root)
        {
            return root;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var stream = new YamlStream();
        stream.Load(new StringReader(content));
        return stream.Documents.Count == 0 ? null : YamlConverter.ToJsonNode(stream.Documents[0]);
    }
}
