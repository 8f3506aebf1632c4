using System.Collections.Generic;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.JsonPath;

/// <summary>The logical expression of a filter selector (RFC 9535 §2.3.5): tested against each child.</summary>
internal abstract class FilterExpression
{
    public abstract bool IsTrue(JsonPathNode current, JsonPathContext context);
}

/// <summary><c>a || b</c>.</summary>
internal sealed class OrExpression(IReadOnlyList<FilterExpression> operands) : FilterExpression
{
    public override bool IsTrue(JsonPathNode current, JsonPathContext context)
    {
        foreach (var operand in operands)
        {
            if (operand.IsTrue(current, context))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary><c>a &amp;&amp; b</c>.</summary>
internal sealed class AndExpression(IReadOnlyList<FilterExpression> operands) : FilterExpression
{
    public override bool IsTrue(JsonPathNode current, JsonPathContext context)
    {
        foreach (var operand in operands)
        {
            if (!operand.IsTrue(current, context))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary><c>!a</c>.</summary>
internal sealed class NotExpression(FilterExpression operand) : FilterExpression
{
    public override bool IsTrue(JsonPathNode current, JsonPathContext context) => !operand.IsTrue(current, context);
}

/// <summary><c>@.deprecated</c>: true when the query selects at least one node (whatever its value, <c>false</c> too).</summary>
internal sealed class ExistenceTest(JsonPathQuery query) : FilterExpression
{
    public override bool IsTrue(JsonPathNode current, JsonPathContext context) => query.Select(current, context).Count > 0;
}

/// <summary><c>@.name == 'x'</c>, <c>@.size &gt;= 3</c>: two singular queries or literals compared.</summary>
internal sealed class ComparisonExpression(FilterOperand left, ComparisonOperator op, FilterOperand right) : FilterExpression
{
    public override bool IsTrue(JsonPathNode current, JsonPathContext context)
    {
        var a = left.Evaluate(current, context);
        var b = right.Evaluate(current, context);
        return op switch
        {
            ComparisonOperator.Equal => FilterComparison.AreEqual(a, b),
            ComparisonOperator.NotEqual => !FilterComparison.AreEqual(a, b),
            ComparisonOperator.Less => FilterComparison.IsLess(a, b),
            ComparisonOperator.LessOrEqual => FilterComparison.IsLess(a, b) || FilterComparison.AreEqual(a, b),
            ComparisonOperator.Greater => FilterComparison.IsLess(b, a),
            _ => FilterComparison.IsLess(b, a) || FilterComparison.AreEqual(a, b),
        };
    }
}

internal enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
