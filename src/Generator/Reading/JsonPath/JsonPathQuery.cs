using System.Collections.Generic;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.JsonPath;

/// <summary>
/// A parsed JSONPath query (RFC 9535): absolute (<c>$…</c>, from the document's root) or, inside a filter, relative
/// (<c>@…</c>, from the node being tested). Read one with <see cref="JsonPathParser"/>.
/// </summary>
internal sealed class JsonPathQuery(IReadOnlyList<JsonPathSegment> segments, bool isRelative)
{
    public bool IsRelative { get; } = isRelative;

    /// <summary>
    /// At most one node, whatever the document (RFC 9535 §2.3.5.1): only names and indexes, no descendants. Only
    /// such queries can be compared in a filter.
    /// </summary>
    public bool IsSingular
    {
        get
        {
            foreach (var segment in segments)
            {
                if (segment.IsDescendant || segment.Selectors.Count != 1 || segment.Selectors[0] is not (NameSelector or IndexSelector))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The nodes the query selects in the context's document, in document order.</summary>
    /// <exception cref="JsonPathTooCostlyException">The query visited more nodes than the context allows.</exception>
    public IReadOnlyList<JsonPathNode> Select(JsonPathContext context) => Select(JsonPathNode.Root(context.Root), context);

    /// <summary>The nodes selected from <paramref name="current"/> (relative) or from the document's root (absolute).</summary>
    public List<JsonPathNode> Select(JsonPathNode current, JsonPathContext context)
    {
        var nodes = new List<JsonPathNode> { IsRelative ? current : JsonPathNode.Root(context.Root) };
        foreach (var segment in segments)
        {
            if (nodes.Count == 0)
            {
                break;
            }

            nodes = segment.Apply(nodes, context);
        }

        return nodes;
    }
}
