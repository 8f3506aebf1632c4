using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

// Oblivious on purpose: reading gives null for a list that does not fit, which IJsonCodec's signature cannot say,
// and a reference-type T may be nullable or not.
#nullable disable

namespace Tether.Primitives;

/// <summary>
/// A JSON array as <c>IList&lt;T&gt;</c>, each item read and written by <typeparamref name="TCodec"/>: one generic
/// instantiation per list type instead of a generated helper.
/// </summary>
/// <remarks>
/// A null item is kept as null where <typeparamref name="T"/> can hold it (a nullable-item list, or any list of a
/// reference type: a response that breaks its schema still reads). Reading returns null, with the reader back on
/// the array's start, when an item is of another kind than <typeparamref name="TCodec"/> reads (a nested list
/// included), so that the object holding the list can keep it raw as a whole.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
/// <typeparam name="TCodec">The items' codec.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ListCodec<T, TCodec> : IJsonCodec<IList<T>>
    where TCodec : IJsonCodec<T>
{
    /// <inheritdoc/>
    public static JsonTokenType Kind => JsonTokenType.StartArray;

    /// <summary>The list, or null (the reader back on the array's start) when an item does not fit.</summary>
    /// <exception cref="JsonException">The reader is not on an array.</exception>
    public static IList<T> ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw JsonSupport.UnexpectedToken(reader.TokenType, "an array");
        }

        var start = reader;
        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null && default(T) is null)
            {
                list.Add(default);
                continue;
            }

            if (!JsonSupport.Fits(reader.TokenType, TCodec.Kind) || TCodec.ReadValue(ref reader) is not { } item)
            {
                reader = start;
                return null;
            }

            list.Add(item);
        }

        return list;
    }

    /// <inheritdoc/>
    public static void WriteValue(Utf8JsonWriter writer, IList<T> value)
    {
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            if (value[i] is { } item)
            {
                TCodec.WriteValue(writer, item);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndArray();
    }
}
