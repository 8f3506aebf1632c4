using System.ComponentModel;
using System.Text.Json;

namespace Tether.Primitives;

/// <summary>
/// A value type's codec for items that may be JSON null (<c>IList&lt;int?&gt;</c>): the collection codecs keep a null
/// item of any type whose default is null, so this only lifts <typeparamref name="TCodec"/> to <c>T?</c>.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
/// <typeparam name="TCodec">Its codec.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct NullableCodec<T, TCodec> : IJsonCodec<T?>
    where T : struct
    where TCodec : IJsonCodec<T>
{
    /// <inheritdoc/>
    public static JsonTokenType Kind => TCodec.Kind;

    /// <inheritdoc/>
    public static T? ReadValue(ref Utf8JsonReader reader) => TCodec.ReadValue(ref reader);

    /// <inheritdoc/>
    public static void WriteValue(Utf8JsonWriter writer, T? value)
    {
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
