using System.ComponentModel;
using System.Text.Json;

namespace Tether.Primitives;

/// <summary>
/// How a type is read and written: static methods that generated code calls directly, one type into another, with no
/// converter lookup or virtual call. The generated types, the runtime's scalars (<see cref="StringCodec"/> …) and
/// collections (<see cref="ListCodec{T, TCodec}"/> …) all have one, so that a list of any of them is one generic
/// instantiation, not a generated helper. <see cref="JsonCodecConverter{T, TCodec}"/> makes one a System.Text.Json
/// converter.
/// </summary>
/// <typeparam name="T">The type read and written.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IJsonCodec<T>
{
    /// <summary>
    /// The JSON token a value of the type starts with (<see cref="JsonTokenType.True"/> standing for both booleans),
    /// or <see cref="JsonTokenType.None"/> when any value is read (raw JSON, a union that keeps what fits no variant).
    /// </summary>
    static abstract JsonTokenType Kind { get; }

    /// <summary>Reads one value; the reader is on its first token, which is not null, and is left on its last.</summary>
    static abstract T ReadValue(ref Utf8JsonReader reader);

    /// <summary>Writes one value.</summary>
    static abstract void WriteValue(Utf8JsonWriter writer, T value);
}
