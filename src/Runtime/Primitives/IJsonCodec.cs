using System.ComponentModel;
using System.Text.Json;

namespace Tether.Primitives;

/// <summary>
/// How a generated type is read and written: static methods that the generated code calls directly, one type into
/// another, with no converter lookup or virtual call. <see cref="JsonCodecConverter{T, TCodec}"/> makes it a
/// System.Text.Json converter for everything else.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IJsonCodec<T>
{
    /// <summary>Reads one value; the reader is on its first token and is left on its last.</summary>
    static abstract T ReadValue(ref Utf8JsonReader reader);

    /// <summary>Writes one value.</summary>
    static abstract void WriteValue(Utf8JsonWriter writer, T value);
}
