using System.Text.Json.Nodes;
using Tether.Generator.Tests.Support;

namespace Tether.Generator.Tests.Corpus;

/// <summary>
/// A spec read as a plain JSON tree, independent of the generator's reader: the corpus test counts the operations
/// and checks whether a reference the generator could not resolve really points at nothing.
/// </summary>
internal sealed class SpecDocument
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private readonly JsonNode? _root;

    private SpecDocument(JsonNode? root) => _root = root;

    public static SpecDocument Read(string path, string text) =>
        new(path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? JsonNode.Parse(text) : YamlToJson.Parse(text));

    public string Version => _root?["openapi"]?.ToString() ?? "?";

    /// <summary>Every operation under <c>paths</c> as "METHOD /path".</summary>
    public IReadOnlyList<string> Operations()
    {
        var operations = new List<string>();
        if (_root?["paths"] is not JsonObject paths)
        {
            return operations;
        }

        foreach (var (path, item) in paths)
        {
            if (item is not JsonObject methods)
            {
                continue;
            }

            operations.AddRange(HttpMethods.Where(methods.ContainsKey).Select(method => method.ToUpperInvariant() + " " + path));
        }

        return operations;
    }

    /// <summary>Whether a local reference (<c>#/...</c>) names a node of this document.</summary>
    public bool Resolves(string reference)
    {
        if (!reference.StartsWith('#'))
        {
            return false;
        }

        var node = _root;
        foreach (var token in Uri.UnescapeDataString(reference[1..]).Split('/').Skip(1))
        {
            var name = token.Replace("~1", "/").Replace("~0", "~");
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(name, out var child) ? child : null,
                JsonArray array => int.TryParse(name, out var index) && index >= 0 && index < array.Count ? array[index] : null,
                _ => null,
            };
            if (node is null)
            {
                return false;
            }
        }

        return true;
    }
}
