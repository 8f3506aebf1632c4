using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

// Oblivious on purpose, as ListCodec.
#nullable disable

namespace Tether.Primitives;

/// <summary>
/// A JSON object of arbitrary member names as <c>IDictionary&lt;string, T&gt;</c>, each value read and written by
/// <typeparamref name="TCodec"/>, with the null and mismatch rules of <see cref="ListCodec{T, TCodec}"/>.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
/// <typeparam name="TCodec">The values' codec.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct MapCodec<T, TCodec> : IJsonCodec<IDictionary<string, T>>
    where TCodec : IJsonCodec<T>
{
    /// <inheritdoc/>
    public static JsonTokenType Kind => JsonTokenType.StartObject;

    /// <summary>The map, or null (the reader back on the object's start) when a value does not fit.</summary>
    /// <exception cref="JsonException">The reader is not on an object.</exception>
    public static IDictionary<string, T> ReadValue(ref Utf8JsonReader reader)
    {
        JsonSupport.ExpectObject(ref reader);
        var start = reader;
        var map = new Dictionary<string, T>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString();
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null && default(T) is null)
            {
                map[key] = default;
                continue;
            }

            if (!JsonSupport.Fits(reader.TokenType, TCodec.Kind) || TCodec.ReadValue(ref reader) is not { } item)
            {
                reader = start;
                return null;
            }

            map[key] = item;
        }

        return map;
    }

    /// <inheritdoc/>
    public static void WriteValue(Utf8JsonWriter writer, IDictionary<string, T> value)
    {
        writer.WriteStartObject();

        // Enumerating through the interface boxes the enumerator; the concrete Dictionary (what reading and most
        // callers produce) is enumerated with its struct enumerator.
        if (value is Dictionary<string, T> concrete)
        {
            foreach (var pair in concrete)
            {
                WriteMember(writer, pair.Key, pair.Value);
            }
        }
        else
        {
            foreach (var pair in value)
            {
                WriteMember(writer, pair.Key, pair.Value);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteMember(Utf8JsonWriter writer, string key, T value)
    {
        writer.WritePropertyName(key);
        if (value is { } present)
        {
            TCodec.WriteValue(writer, present);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
