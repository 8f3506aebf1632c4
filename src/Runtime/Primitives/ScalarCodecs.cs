using System;
using System.ComponentModel;
using System.Text.Json;

namespace Tether.Primitives;

// The codecs of the JSON scalars the generated types use, for lists and maps of them (ListCodec<string, StringCodec>).
// Members are read and written inline by the generated code; these serve only as items.

/// <summary>A JSON string as <see cref="string"/> (also a date, kept as its text).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct StringCodec : IJsonCodec<string>
{
    /// <inheritdoc/>
    public static JsonTokenType Kind => JsonTokenType.String;

    /// <inheritdoc/>
    public static string ReadValue(ref Utf8JsonReader reader) => reader.GetString()!;

    /// <inheritdoc/>
    public static void WriteValue(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);
}

/// <summary>A JSON boolean.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct BooleanCodec : IJsonCodec<bool>
{
    /// <inheritdoc/>
    public static JsonTokenType Kind => JsonTokenType.True;

    /// <inheritdoc/>
    public static bool ReadValue(ref Utf8JsonReader reader) => reader.GetBoolean();

    /// <inheritdoc/>
    public static void WriteValue(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);
}

/// <summary>A JSON number as <see cref="int"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Int32Codec : IJsonCodec<int>
{
    /// <inheritdoc/>
    public static JsonTokenType Kind => JsonTokenType.Number;

    /// <inheritdoc/>
    public static int ReadValue(ref Utf8JsonReader reader) => reader.GetInt32();

    /// <inheritdoc/>
    public static void WriteValue(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);
}

/// <summary>A JSON number as <see cref="long"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Int64Codec : IJsonCodec<long>
{
    /// <inheritdoc/>
    public static JsonTokenType Kind => JsonTokenType.Number;

    /// <inheritdoc/>
    public static long ReadValue(ref Utf8JsonReader reader) => reader.GetInt64();

    /// <inheritdoc/>
    public static void WriteValue(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);
}

/// <summary>A JSON number as <see cref="double"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct DoubleCodec : IJsonCodec<double>
{
    /// <inheritdoc/>
    public static JsonTokenType Kind => JsonTokenType.Number;

    /// <inheritdoc/>
    public static double ReadValue(ref Utf8JsonReader reader) => reader.GetDouble();

    /// <inheritdoc/>
    public static void WriteValue(Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);
}

/// <summary>A JSON number as <see cref="float"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SingleCodec : IJsonCodec<float>
{
    /// <inheritdoc/>
    public static JsonTokenType Kind => JsonTokenType.Number;

    /// <inheritdoc/>
    public static float ReadValue(ref Utf8JsonReader reader) => reader.GetSingle();

    /// <inheritdoc/>
    public static void WriteValue(Utf8JsonWriter writer, float value) => writer.WriteNumberValue(value);
}

/// <summary>A base64 JSON string as bytes.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Base64Codec : IJsonCodec<byte[]>
{
    /// <inheritdoc/>
    public static JsonTokenType Kind => JsonTokenType.String;

    /// <inheritdoc/>
    public static byte[] ReadValue(ref Utf8JsonReader reader) => reader.GetBytesFromBase64();

    /// <inheritdoc/>
    public static void WriteValue(Utf8JsonWriter writer, byte[] value) => writer.WriteBase64StringValue(value);
}

/// <summary>Seconds since the Unix epoch as <see cref="DateTimeOffset"/> (see <see cref="JsonSupport.ReadUnixTime"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct UnixTimeCodec : IJsonCodec<DateTimeOffset>
{
    /// <inheritdoc/>
    public static JsonTokenType Kind => JsonTokenType.Number;

    /// <inheritdoc/>
    public static DateTimeOffset ReadValue(ref Utf8JsonReader reader) => JsonSupport.ReadUnixTime(ref reader);

    /// <inheritdoc/>
    public static void WriteValue(Utf8JsonWriter writer, DateTimeOffset value) => JsonSupport.WriteUnixTime(writer, value);
}

/// <summary>Any JSON value, kept as it came (JSON null included).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonElementCodec : IJsonCodec<JsonElement>
{
    /// <inheritdoc/>
    public static JsonTokenType Kind => JsonTokenType.None;

    /// <inheritdoc/>
    public static JsonElement ReadValue(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <inheritdoc/>
    public static void WriteValue(Utf8JsonWriter writer, JsonElement value) => value.WriteTo(writer);
}
