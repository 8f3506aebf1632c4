using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.JsonPath;

/// <summary>
/// Comparison of filter values by RFC 9535 §2.3.5.2.2: numbers by value (<c>1 == 1.0</c>), strings by their
/// characters, <c>true</c>/<c>false</c>/<c>null</c> by kind, objects and arrays by deep equality; values of
/// different kinds are never equal, and only numbers and strings have an order.
/// </summary>
internal static class FilterComparison
{
    public static bool AreEqual(FilterValue a, FilterValue b)
    {
        if (!a.Exists || !b.Exists)
        {
            return !a.Exists && !b.Exists;
        }

        var kindA = KindOf(a.Node);
        if (kindA != KindOf(b.Node))
        {
            return false;
        }

        return kindA switch
        {
            JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False => true,
            JsonValueKind.Number => Number(a.Node!) == Number(b.Node!),
            JsonValueKind.String => string.Equals(a.Node!.GetValue<string>(), b.Node!.GetValue<string>(), StringComparison.Ordinal),
            _ => JsonNode.DeepEquals(a.Node, b.Node),
        };
    }

    public static bool IsLess(FilterValue a, FilterValue b)
    {
        if (!a.Exists || !b.Exists)
        {
            return false;
        }

        var kind = KindOf(a.Node);
        if (kind != KindOf(b.Node))
        {
            return false;
        }

        return kind switch
        {
            JsonValueKind.Number => Number(a.Node!) < Number(b.Node!),
            JsonValueKind.String => string.CompareOrdinal(a.Node!.GetValue<string>(), b.Node!.GetValue<string>()) < 0,
            _ => false,
        };
    }

    /// <summary>The JSON kind; the marker string OpenAPI.NET's YAML reading puts where YAML says <c>null</c> is null.</summary>
    private static JsonValueKind KindOf(JsonNode? node)
    {
        if (node is null || JsonNullSentinel.IsJsonNullSentinel(node))
        {
            return JsonValueKind.Null;
        }

        return node.GetValueKind();
    }

    /// <summary>
    /// A number as a decimal. Trees hold numbers as decimals (YAML route), JSON text (JSON route) or whatever CLR type
    /// the YAML converter chose, so anything but a decimal is read back from its JSON text; beyond decimal's range it saturates.
    /// </summary>
    private static decimal Number(JsonNode node)
    {
        if (node.AsValue().TryGetValue<decimal>(out var number))
        {
            return number;
        }

        var text = node.ToJsonString();
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        var real = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return real > 0 ? decimal.MaxValue : real < 0 ? decimal.MinValue : 0m;
    }
}
