using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tether.Primitives;

/// <summary>
/// The System.Text.Json converter of every generated type: one class here instead of one per type in the generated
/// code, forwarding to the type's <see cref="IJsonCodec{T}"/>. Named in each type's <c>[JsonConverter]</c>
/// attribute and in the generated resolver, so it is never found by reflection and stays trim and AOT safe.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
/// <typeparam name="TCodec">Its generated reader and writer.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonCodecConverter<T, TCodec> : JsonConverter<T>
    where TCodec : IJsonCodec<T>
{
    /// <inheritdoc/>
    /// <exception cref="JsonException">A list or map with an item of another kind than declared: a whole value cannot be kept raw.</exception>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TCodec.ReadValue(ref reader) ?? throw JsonSupport.ItemMismatch();

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => TCodec.WriteValue(writer, value);
}
