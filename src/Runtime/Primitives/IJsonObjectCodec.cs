using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Tether.Primitives;

/// <summary>An object's member table (<see cref="IJsonObjectMembers{TSelf}"/>) as the codec of its type.</summary>
/// <typeparam name="T">The generated object.</typeparam>
/// <typeparam name="TSelf">The codec itself.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IJsonObjectCodec<T, TSelf> : IJsonObjectMembers<TSelf>, IJsonCodec<T>
    where T : class
    where TSelf : IJsonObjectCodec<T, TSelf>
{
    static JsonTokenType IJsonCodec<T>.Kind => JsonTokenType.StartObject;

    // Create makes a T, so the object read is one.
    static T IJsonCodec<T>.ReadValue(ref Utf8JsonReader reader) => Unsafe.As<T>(JsonObjectCodec.Read<TSelf>(ref reader));

    static void IJsonCodec<T>.WriteValue(Utf8JsonWriter writer, T value) => JsonObjectCodec.Write<TSelf>(writer, value);
}
