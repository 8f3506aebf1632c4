using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.JsonPath;

/// <summary>
/// A node a query selected, with where it sits: an overlay's <c>remove</c> takes it out of its parent, which a
/// <see cref="JsonNode"/> alone cannot say when the value is JSON <c>null</c> (there is no node object then).
/// </summary>
/// <param name="Value">The selected value (null: a JSON null).</param>
/// <param name="Parent">The object or array holding it; null for the root.</param>
/// <param name="Name">The member name, when the parent is an object.</param>
/// <param name="Index">The position, when the parent is an array.</param>
internal sealed record JsonPathNode(JsonNode? Value, JsonNode? Parent, string? Name, int Index)
{
    public static JsonPathNode Root(JsonNode? root) => new(root, null, null, -1);

    /// <summary>Where the node is, as a JSON pointer (<c>#/components/schemas/Pet</c>), for messages.</summary>
    public string Pointer
    {
        get
        {
            if (Parent is null)
            {
                return JsonPointer.Root;
            }

            var segments = new List<string> { Name ?? Index.ToString(CultureInfo.InvariantCulture) };
            for (var node = Parent; node.Parent is { } up; node = up)
            {
                segments.Add(up is JsonObject ? node.GetPropertyName() : node.GetElementIndex().ToString(CultureInfo.InvariantCulture));
            }

            var pointer = JsonPointer.Root;
            for (var i = segments.Count - 1; i >= 0; i--)
            {
                pointer = JsonPointer.Append(pointer, segments[i]);
            }

            return pointer;
        }
    }
}
