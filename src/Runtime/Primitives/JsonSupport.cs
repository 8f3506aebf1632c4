using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Tether.Primitives;

/// <summary>
/// What the generated converters and the runtime's codecs share: telling whether a value fits the declared kind
/// (keeping it raw when not), writing values, Unix times and the unknown-member bag. Once here for every client,
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
    /// Whether a value starting with <paramref name="token"/> is of the <paramref name="expected"/> kind; <c>True</c>
    /// stands for both booleans, and <c>None</c> (a codec that reads any value, see <see cref="IJsonCodec{T}.Kind"/>)
    /// for every kind.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Fits(JsonTokenType token, JsonTokenType expected)
    {
        return token == expected || (expected == JsonTokenType.True && token == JsonTokenType.False) || expected == JsonTokenType.None;
    }

    /// <summary>Where a list or map with an item that does not fit cannot be kept raw.</summary>
    public static JsonException ItemMismatch()
    {
        return new JsonException("An item of the list or map is not of its declared type.");
    }

    /// <summary>Keeps a value of another kind than declared (or a null the schema does not allow) raw in the bag.</summary>
    internal static void Tolerate(ref Utf8JsonReader reader, JsonTokenType expected, ref IDictionary<string, JsonElement>? members, string name)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            TolerantJson.KeepNull(ref members, name, NullElement);
        }
        else
        {
            TolerantJson.KeepMismatch(ref reader, ref members, name, Describe(expected));
        }
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
