using System.ComponentModel;
using System.Text.Json;

namespace Tether.Primitives;

/// <summary>
/// Reads or writes one value through its <see cref="IJsonCodec{T}"/> by name, for generated code outside a member
/// table: an object's codec has no <c>ReadValue</c> of its own to call (<see cref="IJsonObjectCodec{T, TSelf}"/>
/// supplies it), so it is reached through its type.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonCodec
{
    /// <summary>Reads one value; the reader is on its first token, which is not null, and is left on its last.</summary>
    public static T Read<T, TCodec>(ref Utf8JsonReader reader)
        where TCodec : IJsonCodec<T> => TCodec.ReadValue(ref reader);

    /// <summary>Writes one value.</summary>
    public static void Write<T, TCodec>(Utf8JsonWriter writer, T value)
        where TCodec : IJsonCodec<T> => TCodec.WriteValue(writer, value);
}
