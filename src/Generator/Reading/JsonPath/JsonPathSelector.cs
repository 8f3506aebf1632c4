using System.Collections.Generic;
using System.Text.Json.Nodes;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.JsonPath;

/// <summary>One selector of a segment (RFC 9535 §2.3): what it picks among the children of a node.</summary>
internal abstract class JsonPathSelector
{
    public abstract void Select(JsonPathNode node, JsonPathContext context, List<JsonPathNode> output);

    /// <summary>The members of an object or the elements of an array, in document order; nothing for a primitive.</summary>
    public static IEnumerable<JsonPathNode> Children(JsonPathNode node)
    {
        switch (node.Value)
        {
            case JsonObject obj:
                foreach (var member in obj)
                {
                    yield return new JsonPathNode(member.Value, obj, member.Key, -1);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return new JsonPathNode(array[i], array, null, i);
                }

                break;
        }
    }
}

/// <summary><c>.name</c>, <c>['name']</c>: the member of that name.</summary>
internal sealed class NameSelector(string name) : JsonPathSelector
{
    public string Name { get; } = name;

    public override void Select(JsonPathNode node, JsonPathContext context, List<JsonPathNode> output)
    {
        if (node.Value is JsonObject obj && obj.TryGetPropertyValue(Name, out var value))
        {
            output.Add(new JsonPathNode(value, obj, Name, -1));
        }
    }
}

/// <summary><c>.*</c>, <c>[*]</c>: every member or element.</summary>
internal sealed class WildcardSelector : JsonPathSelector
{
    public static readonly WildcardSelector Instance = new();

    public override void Select(JsonPathNode node, JsonPathContext context, List<JsonPathNode> output) => output.AddRange(Children(node));
}

/// <summary><c>[2]</c>, <c>[-1]</c>: the element at that position, counted from the end when negative.</summary>
internal sealed class IndexSelector(long index) : JsonPathSelector
{
    public long Index { get; } = index;

    public override void Select(JsonPathNode node, JsonPathContext context, List<JsonPathNode> output)
    {
        if (node.Value is not JsonArray array)
        {
            return;
        }

        var position = Index < 0 ? array.Count + Index : Index;
        if (position >= 0 && position < array.Count)
        {
            output.Add(new JsonPathNode(array[(int)position], array, null, (int)position));
        }
    }
}

/// <summary><c>[?@.type == 'string']</c>: the members or elements the expression holds for.</summary>
internal sealed class FilterSelector(FilterExpression expression) : JsonPathSelector
{
    public override void Select(JsonPathNode node, JsonPathContext context, List<JsonPathNode> output)
    {
        foreach (var child in Children(node))
        {
            context.Visit();
            if (expression.IsTrue(child, context))
            {
                output.Add(child);
            }
        }
    }
}
