using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace Tether.Primitives;

/// <summary>
/// JSON values where a request wants text: a parameter of a schema-less or composite type, and the members of an
/// object sent as <c>deepObject</c> query pairs.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonParameterText
{
    /// <summary>A string without its quotes; anything else as its JSON.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>The members of a JSON object as <c>deepObject</c> pairs, null members left out; nothing for any other value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The pairs, in the object's order.</returns>
    public static List<KeyValuePair<string, string?>> DeepObjectPairs(JsonElement value)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in value.EnumerateObject())
            {
                if (property.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                {
                    pairs.Add(new KeyValuePair<string, string?>(property.Name, Text(property.Value)));
                }
            }
        }

        return pairs;
    }
}
