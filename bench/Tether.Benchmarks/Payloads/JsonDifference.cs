using System.Linq;
using System.Text.Json;

namespace Tether.Benchmarks.Payloads;

/// <summary>
/// Finds the first place where two JSON documents differ, ignoring member order and number spelling (<c>1.0</c> equals
/// <c>1</c>), so a benchmark can say what a serializer dropped or changed instead of just "not equal".
/// </summary>
internal static class JsonDifference
{
    /// <returns><see langword="null"/> when equal, else "path: expected … but found …".</returns>
    public static string? Find(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: {Describe(expected)} became {Describe(actual)}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in expected.EnumerateObject())
                {
                    if (!actual.TryGetProperty(member.Name, out var actualMember))
                    {
                        return $"{path}.{member.Name}: {Describe(member.Value)} was dropped";
                    }

                    var difference = Find(member.Value, actualMember, path + "." + member.Name);
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                var added = actual.EnumerateObject().FirstOrDefault(member => !expected.TryGetProperty(member.Name, out _));
                return added.Value.ValueKind == JsonValueKind.Undefined ? null : $"{path}.{added.Name}: {Describe(added.Value)} was added";
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    return $"{path}: {expected.GetArrayLength()} items became {actual.GetArrayLength()}";
                }

                var index = 0;
                foreach (var (left, right) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    var difference = Find(left, right, $"{path}[{index++}]");
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonValueKind.Number:
                var same = expected.TryGetDecimal(out var x) && actual.TryGetDecimal(out var y)
                    ? x == y
                    : expected.GetRawText() == actual.GetRawText();
                return same ? null : $"{path}: {Describe(expected)} became {Describe(actual)}";
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : $"{path}: {Describe(expected)} became {Describe(actual)}";
            default:
                return null;
        }
    }

    private static string Describe(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
