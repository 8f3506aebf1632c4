using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Tether.Primitives;

/// <summary>
/// What every generated converter calls: moving from a member's name to its value and telling whether it fits the
/// declared kind (keeping it raw when not), writing members, and the unknown-member bag. Once here for every client,
/// instead of once in each generated client.
/// </summary>
/// <remarks>
/// The JIT inlines these small methods across the assembly boundary as it did when each client had its own copy
/// (docs/benchmarks.md has the before and after); only a ReadyToRun image compiled ahead of time cannot inline them,
/// being outside the runtime's version bubble, until tiered compilation rejits the hot methods.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonSupport
{
    /// <summary>A JSON null, kept in a bag where the schema allows none.</summary>
    internal static readonly JsonElement NullElement = CreateNull();

    // The one-line forwarders below exist for the compiler, not the JIT (which inlines them away): a call to
    // a non-overloaded, non-generic method binds several times faster than one to Utf8JsonWriter.WriteString
    // (17 overloads), and a large spec has tens of thousands of such calls.

    /// <summary>Whether the current string is <paramref name="expected"/>, compared as unescaped UTF-8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ValueIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> expected) => reader.ValueTextEquals(expected);

    /// <summary>Writes the member with this pre-encoded name and value (a call the compiler binds without overload resolution).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteName(Utf8JsonWriter writer, JsonEncodedText name) => writer.WritePropertyName(name);

    /// <summary>Writes the member with this pre-encoded name and value (a call the compiler binds without overload resolution).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteNull(Utf8JsonWriter writer, JsonEncodedText name) => writer.WriteNull(name);

    /// <summary>Writes the member with this pre-encoded name and value (a call the compiler binds without overload resolution).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, string value) => writer.WriteString(name, value);

    /// <summary>Writes the member with this pre-encoded name and value (a call the compiler binds without overload resolution).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteBoolean(Utf8JsonWriter writer, JsonEncodedText name, bool value) => writer.WriteBoolean(name, value);

    /// <summary>Writes the member with this pre-encoded name and value (a call the compiler binds without overload resolution).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteInt32(Utf8JsonWriter writer, JsonEncodedText name, int value) => writer.WriteNumber(name, value);

    /// <summary>Writes the member with this pre-encoded name and value (a call the compiler binds without overload resolution).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteInt64(Utf8JsonWriter writer, JsonEncodedText name, long value) => writer.WriteNumber(name, value);

    /// <summary>Writes the member with this pre-encoded name and value (a call the compiler binds without overload resolution).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteDouble(Utf8JsonWriter writer, JsonEncodedText name, double value) => writer.WriteNumber(name, value);

    /// <summary>Writes the member with this pre-encoded name and value (a call the compiler binds without overload resolution).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteSingle(Utf8JsonWriter writer, JsonEncodedText name, float value) => writer.WriteNumber(name, value);

    /// <summary>Writes the member with this pre-encoded name and value (a call the compiler binds without overload resolution).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteBase64(Utf8JsonWriter writer, JsonEncodedText name, byte[] value) => writer.WriteBase64String(name, value);

    /// <summary>Writes the value (a call the compiler binds without overload resolution).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteStringValue(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    /// <summary>Writes the value (a call the compiler binds without overload resolution).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteBooleanValue(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    /// <summary>Writes the value (a call the compiler binds without overload resolution).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteInt32Value(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    /// <summary>Writes the value (a call the compiler binds without overload resolution).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteInt64Value(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    /// <summary>Writes the value (a call the compiler binds without overload resolution).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteDoubleValue(Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);

    /// <summary>Writes the value (a call the compiler binds without overload resolution).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteSingleValue(Utf8JsonWriter writer, float value) => writer.WriteNumberValue(value);

    /// <summary>Writes the value (a call the compiler binds without overload resolution).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteBase64Value(Utf8JsonWriter writer, byte[] value) => writer.WriteBase64StringValue(value);

    /// <summary>Moves from a property name to its value; false when the value is JSON null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NextIsNotNull(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType != JsonTokenType.Null;
    }

    /// <summary>
    /// Moves from a property name to its value; a JSON null the schema does not allow is kept in the unknown
    /// members (written back as it came) and false is returned, leaving the property unset.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NextIsValue(ref Utf8JsonReader reader, ref IDictionary<string, JsonElement>? members, string name)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.Null)
        {
            return true;
        }

        TolerantJson.KeepNull(ref members, name, NullElement);
        return false;
    }

    /// <summary>Moves from a property name to its value; true when it is JSON null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NextIsNull(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null;
    }

    /// <summary>
    /// Moves from a property name to its value; true when it is of the <paramref name="expected"/> kind. Any
    /// other value (a disallowed null included) is kept in the unknown members, written back as it came, and
    /// the property left unset; strict reading makes it an error.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NextIs(ref Utf8JsonReader reader, JsonTokenType expected, ref IDictionary<string, JsonElement>? members, string name)
    {
        reader.Read();
        return Fits(reader.TokenType, expected) || Tolerate(ref reader, expected, ref members, name);
    }

    /// <summary><see cref="NextIs"/> for the current value, known not to be null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Is(ref Utf8JsonReader reader, JsonTokenType expected, ref IDictionary<string, JsonElement>? members, string name)
    {
        return Fits(reader.TokenType, expected) || Tolerate(ref reader, expected, ref members, name);
    }

    /// <summary>
    /// Whether a value starting with <paramref name="token"/> is of the <paramref name="expected"/> kind; <c>True</c>
    /// stands for both booleans, and <c>None</c> (a codec that reads any value, see <see cref="IJsonCodec{T}.Kind"/>)
    /// for every kind.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Fits(JsonTokenType token, JsonTokenType expected)
    {
        return token == expected || (expected == JsonTokenType.True && token == JsonTokenType.False) || expected == JsonTokenType.None;
    }

    /// <summary>
    /// The list or map read; false when an item did not fit (the reader rewound to the collection's start):
    /// then the whole value is kept in the unknown members and the property left unset.
    /// </summary>
    public static bool ItemsFit<T>(T? read, out T value, ref Utf8JsonReader reader, ref IDictionary<string, JsonElement>? members, string name)
        where T : class
    {
        if (read is not null)
        {
            value = read;
            return true;
        }

        value = null!;
        TolerantJson.KeepItemMismatch(
            ref reader, ref members, name, reader.TokenType == JsonTokenType.StartArray ? "an array of the declared items" : "an object of the declared values");
        return false;
    }

    /// <summary>Notes a required member the JSON did not have (lenient, as ever; the caller can tell).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Missing(ref IDictionary<string, JsonElement>? members, bool absent, string name)
    {
        if (absent)
        {
            TolerantJson.NoteMissing(ref members, absent, name);
        }
    }

    /// <summary>Where a list or map with an item that does not fit cannot be kept raw.</summary>
    public static JsonException ItemMismatch()
    {
        return new JsonException("An item of the list or map is not of its declared type.");
    }

    // Always false: the value is kept raw and the property stays unset.
    internal static bool Tolerate(ref Utf8JsonReader reader, JsonTokenType expected, ref IDictionary<string, JsonElement>? members, string name)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            TolerantJson.KeepNull(ref members, name, NullElement);
        }
        else
        {
            TolerantJson.KeepMismatch(ref reader, ref members, name, Describe(expected));
        }

        return false;
    }

    /// <summary>The declared JSON kind in words, for a mismatch.</summary>
    internal static string Describe(JsonTokenType expected) => expected switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True => "a boolean",
        JsonTokenType.StartObject => "an object",
        _ => "an array",
    };

    /// <summary>Keeps a member the type does not declare; the reader is on its name.</summary>
    public static void ReadUnknownMember(ref Utf8JsonReader reader, ref IDictionary<string, JsonElement>? members)
    {
        var name = reader.GetString()!;
        reader.Read();
        (members ??= new Dictionary<string, JsonElement>())[name] = JsonElement.ParseValue(ref reader);
    }

    /// <summary>Writes the member with this pre-encoded name and value (a call the compiler binds without overload resolution).</summary>
    public static void WriteUnknownMembers(Utf8JsonWriter writer, IDictionary<string, JsonElement>? members)
    {
        if (members is null || members.Count == 0)
        {
            return;
        }

        // The concrete dictionary is enumerated without boxing its enumerator.
        if (members is Dictionary<string, JsonElement> concrete)
        {
            foreach (var pair in concrete)
            {
                writer.WritePropertyName(pair.Key);
                pair.Value.WriteTo(writer);
            }

            return;
        }

        foreach (var pair in members)
        {
            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }
    }

    /// <summary>Seconds since the Unix epoch; a fractional value keeps its sub-second part (to 100 ns).</summary>
    public static DateTimeOffset ReadUnixTime(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt64(out var seconds))
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return DateTimeOffset.UnixEpoch.AddTicks((long)(reader.GetDecimal() * TimeSpan.TicksPerSecond));
    }

    /// <summary>Whole seconds as an integer, as the API sends them; a sub-second part as an exact decimal fraction.</summary>
    public static void WriteUnixTime(Utf8JsonWriter writer, DateTimeOffset value)
    {
        var ticks = (value - DateTimeOffset.UnixEpoch).Ticks;
        if (ticks % TimeSpan.TicksPerSecond == 0)
        {
            writer.WriteNumberValue(ticks / TimeSpan.TicksPerSecond);
        }
        else
        {
            writer.WriteNumberValue((decimal)ticks / TimeSpan.TicksPerSecond);
        }
    }

    /// <summary>Throws unless the reader is on the start of an object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ExpectObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw UnexpectedToken(reader.TokenType, "an object");
        }
    }

    /// <summary>The error for a value of another JSON kind where no other kind can be kept.</summary>
    public static JsonException UnexpectedToken(JsonTokenType token, string expected)
    {
        return new JsonException("Expected " + expected + " but found " + token.ToString() + ".");
    }

    private static JsonElement CreateNull()
    {
        using var document = JsonDocument.Parse("null");
        return document.RootElement.Clone();
    }
}
