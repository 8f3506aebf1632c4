using System.Text.Json.Nodes;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.JsonPath;

/// <summary>
/// One side of a filter comparison, evaluated: a value, or nothing (a query that selected no node — which is not
/// the same as JSON <c>null</c>, RFC 9535 §2.3.5.2.2).
/// </summary>
internal readonly struct FilterValue(bool exists, JsonNode? node)
{
    public static readonly FilterValue Nothing = new(false, null);

    public bool Exists { get; } = exists;

    /// <summary>The value; null for JSON null.</summary>
    public JsonNode? Node { get; } = node;
}

/// <summary>One side of a filter comparison: a literal or a singular query.</summary>
internal abstract class FilterOperand
{
    public abstract FilterValue Evaluate(JsonPathNode current, JsonPathContext context);
}

/// <summary><c>'x'</c>, <c>3</c>, <c>true</c>, <c>null</c>.</summary>
internal sealed class LiteralOperand(JsonNode? value) : FilterOperand
{
    public override FilterValue Evaluate(JsonPathNode current, JsonPathContext context) => new(true, value);
}

/// <summary><c>@.type</c>, <c>$.info.version</c>: the one node a singular query selects, or nothing.</summary>
internal sealed class QueryOperand(JsonPathQuery query) : FilterOperand
{
    public override FilterValue Evaluate(JsonPathNode current, JsonPathContext context)
    {
        var nodes = query.Select(current, context);
        return nodes.Count == 1 ? new FilterValue(true, nodes[0].Value) : FilterValue.Nothing;
    }
}
