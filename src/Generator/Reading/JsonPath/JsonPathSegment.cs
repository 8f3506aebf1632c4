using System.Collections.Generic;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.JsonPath;

/// <summary>
/// One step of a query (RFC 9535 §2.5): its selectors applied to each input node, or — for a descendant segment
/// (<c>..</c>) — to each input node and every node below it, in document order.
/// </summary>
internal sealed class JsonPathSegment(IReadOnlyList<JsonPathSelector> selectors, bool isDescendant)
{
    public IReadOnlyList<JsonPathSelector> Selectors { get; } = selectors;

    public bool IsDescendant { get; } = isDescendant;

    public List<JsonPathNode> Apply(List<JsonPathNode> input, JsonPathContext context)
    {
        var output = new List<JsonPathNode>();
        foreach (var node in input)
        {
            if (!IsDescendant)
            {
                SelectFrom(node, context, output);
                continue;
            }

            // Pre-order without recursion: a deep document cannot exhaust the compiler's stack.
            var pending = new Stack<JsonPathNode>();
            pending.Push(node);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                SelectFrom(current, context, output);
                var children = new List<JsonPathNode>(JsonPathSelector.Children(current));
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    pending.Push(children[i]);
                }
            }
        }

        return output;
    }

    private void SelectFrom(JsonPathNode node, JsonPathContext context, List<JsonPathNode> output)
    {
        context.Visit();
        foreach (var selector in Selectors)
        {
            selector.Select(node, context, output);
        }
    }
}
