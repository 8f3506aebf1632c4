using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Tether.Primitives;

/// <summary>The kind test and the errors the collection codecs share.</summary>
internal static class JsonKinds
{
    /// <summary>Whether a value starting with <paramref name="token"/> is what <paramref name="kind"/> reads.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Fits(JsonTokenType token, JsonTokenType kind) =>
        kind == JsonTokenType.None || token == kind || (kind == JsonTokenType.True && token == JsonTokenType.False);

    /// <summary>Where a collection with an item that does not fit cannot be kept raw (a whole response, a map's value).</summary>
    public static JsonException ItemMismatch() => new("An item of the list or map is not of its declared type.");

    public static void Expect(ref Utf8JsonReader reader, JsonTokenType kind, string expected)
    {
        if (reader.TokenType != kind)
        {
            throw JsonSupport.UnexpectedToken(reader.TokenType, expected);
        }
    }
}
