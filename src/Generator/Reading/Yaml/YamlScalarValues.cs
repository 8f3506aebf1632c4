using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.Yaml;

/// <summary>
/// A scalar's JSON value exactly as OpenAPI.NET's YAML reader makes it, so that both routes hand OpenAPI.NET the same
/// tree: a plain scalar is a number if it parses as a decimal, else a boolean, else null for the YAML null words,
/// else a string; every quoted or block scalar is a string.
/// </summary>
internal static class YamlScalarValues
{
    private static readonly HashSet<string> NullWords = new(System.StringComparer.Ordinal) { "~", "null", "Null", "NULL" };

    public static JsonNode Plain(string value)
    {
        if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        if (bool.TryParse(value, out var boolean))
        {
            return JsonValue.Create(boolean);
        }

        if (NullWords.Contains(value))
        {
            return JsonNullSentinel.JsonNull.DeepClone();
        }

        return JsonValue.Create(value);
    }

    public static JsonNode Quoted(string value) => JsonValue.Create(value);
}
