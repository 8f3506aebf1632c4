using System.ComponentModel;
using System.Text.Json;

namespace Tether.Primitives;

/// <summary>
/// A reference type's codec for items that may be JSON null (<c>IList&lt;Item?&gt;</c>): the same reading and
/// writing as <typeparamref name="TCodec"/>, typed <c>T?</c>, so that the list's item type and its codec agree.
/// </summary>
/// <typeparam name="T">The reference type.</typeparam>
/// <typeparam name="TCodec">Its codec.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct NullableReferenceCodec<T, TCodec> : IJsonCodec<T?>
    where T : class
    where TCodec : IJsonCodec<T>
{
    /// <inheritdoc/>
    public static JsonTokenType Kind => TCodec.Kind;

    /// <inheritdoc/>
    public static T? ReadValue(ref Utf8JsonReader reader) => TCodec.ReadValue(ref reader);

    /// <inheritdoc/>
    public static void WriteValue(Utf8JsonWriter writer, T? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            TCodec.WriteValue(writer, value);
        }
    }
}
