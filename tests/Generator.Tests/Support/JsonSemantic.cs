using System.Globalization;
using System.Text.Json;
using Xunit.Sdk;

namespace Tether.Generator.Tests.Support;

/// <summary>
/// Semantic JSON equality: member order ignored, numbers compared by value (<c>1.0</c> equals <c>1</c>, <c>1e2</c>
/// equals <c>100</c>), strings compared after unescaping. The failure message names the first differing path.
/// </summary>
internal static class JsonSemantic
{
    public static void AssertEqual(string expectedJson, string actualJson)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(actualJson);
        var difference = FindDifference(expected.RootElement, actual.RootElement, "$");
        if (difference is not null)
        {
            throw new XunitException($"JSON differs at {difference}.\nExpected: {expectedJson}\nActual:   {actualJson}");
        }
    }

    public static bool DeepEquals(JsonElement left, JsonElement right) => FindDifference(left, right, "$") is null;

    /// <summary>The path and reason of the first difference, or null when the values are semantically equal.</summary>
    public static string? FindDifference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected {expected.ValueKind}, found {actual.ValueKind}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                return CompareObjects(expected, actual, path);
            case JsonValueKind.Array:
                var expectedLength = expected.GetArrayLength();
                var actualLength = actual.GetArrayLength();
                if (expectedLength != actualLength)
                {
                    return $"{path}: expected {expectedLength} items, found {actualLength}";
                }

                var index = 0;
                foreach (var (left, right) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    var inner = FindDifference(left, right, $"{path}[{index++}]");
                    if (inner is not null)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : $"{path}: expected \"{expected.GetString()}\", found \"{actual.GetString()}\"";
            case JsonValueKind.Number:
                return NumbersEqual(expected, actual) ? null : $"{path}: expected {expected.GetRawText()}, found {actual.GetRawText()}";
            default:
                return null;
        }
    }

    private static string? CompareObjects(JsonElement expected, JsonElement actual, string path)
    {
        // JSON readers keep the last of duplicate names; compare what a reader would see.
        var expectedMembers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in expected.EnumerateObject())
        {
            expectedMembers[member.Name] = member.Value;
        }

        var actualMembers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in actual.EnumerateObject())
        {
            actualMembers[member.Name] = member.Value;
        }

        foreach (var (name, value) in expectedMembers)
        {
            if (!actualMembers.TryGetValue(name, out var other))
            {
                return $"{path}.{name}: missing";
            }

            var inner = FindDifference(value, other, $"{path}.{name}");
            if (inner is not null)
            {
                return inner;
            }
        }

        foreach (var name in actualMembers.Keys)
        {
            if (!expectedMembers.ContainsKey(name))
            {
                return $"{path}.{name}: unexpected member";
            }
        }

        return null;
    }

    private static bool NumbersEqual(JsonElement expected, JsonElement actual)
    {
        if (expected.GetRawText() == actual.GetRawText())
        {
            return true;
        }

        if (decimal.TryParse(expected.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var left)
            && decimal.TryParse(actual.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var right))
        {
            return left == right;
        }

        return expected.GetDouble().Equals(actual.GetDouble());
    }
}
