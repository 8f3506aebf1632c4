using System;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace Tether.Primitives;

/// <summary>
/// The JSON names one generated converter knows (an object's members, an enum's values, the members and constants a
/// union looks at) and the lookup from a name read off the wire to its position in that list, so the converter
/// switches on a small integer. Built once per converter, shared by every call and thread.
/// </summary>
/// <remarks>
/// Generated code used to spell this lookup out per type as a switch on the length and then on a telling byte: about
/// ten lines per member, half of a large client's source, for the same work. Here the length and three bytes are
/// hashed into an open-addressed table at least twice the size of the list, so a name costs one hash, usually one
/// probe, and one vectorised comparison; a name that is not listed usually ends at an empty slot without comparing.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonNameTable
{
    // Names longer than this that arrive escaped (or split across buffers) are unescaped into the heap, not the stack.
    private const int StackCopyLimit = 256;

    private readonly string[] _names;
    private readonly byte[][] _utf8;
    private readonly JsonEncodedText[] _encoded;
    private readonly int[] _slots;
    private readonly int _mask;

    /// <summary>Lists the names; a name's position is the number <see cref="Find(ReadOnlySpan{byte})"/> returns for it.</summary>
    /// <param name="names">The names as they appear in the JSON, unescaped. A repeated name is found at its first position.</param>
    public JsonNameTable(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = names;
        _utf8 = new byte[names.Length][];
        _encoded = new JsonEncodedText[names.Length];
        var size = 4;
        while (size < names.Length * 2)
        {
            size <<= 1;
        }

        // A slot holds position + 1, so that the zeroed array means "all empty".
        _slots = new int[size];
        _mask = size - 1;
        for (var index = 0; index < names.Length; index++)
        {
            var name = names[index] ?? throw new ArgumentException("A name is null.", nameof(names));
            var bytes = Encoding.UTF8.GetBytes(name);
            _utf8[index] = bytes;
            _encoded[index] = JsonEncodedText.Encode(name);
            if (Find(bytes) >= 0)
            {
                continue;
            }

            var slot = Hash(bytes) & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = index + 1;
        }
    }

    /// <summary>How many names are listed.</summary>
    public int Count => _names.Length;

    /// <summary>The name at <paramref name="index"/>, as listed (the same string instance every time).</summary>
    public string this[int index] => _names[index];

    /// <summary>The name at <paramref name="index"/>, encoded once for writing.</summary>
    public JsonEncodedText Encoded(int index) => _encoded[index];

    /// <summary>The position of <paramref name="utf8"/> in the list, or -1 when it is not listed.</summary>
    public int Find(ReadOnlySpan<byte> utf8)
    {
        var slot = Hash(utf8) & _mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (utf8.SequenceEqual(_utf8[entry - 1]))
            {
                return entry - 1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The position of the property name or string the reader is on, or -1 when it is not listed.</summary>
    /// <param name="reader">On a <see cref="JsonTokenType.PropertyName"/> or <see cref="JsonTokenType.String"/>; not moved.</param>
    public int Find(ref Utf8JsonReader reader) =>
        reader.HasValueSequence || reader.ValueIsEscaped ? FindUnescaped(ref reader) : Find(reader.ValueSpan);

    /// <summary>The string the reader is on: the listed instance when it is listed (nothing allocated), else a new one.</summary>
    /// <exception cref="JsonException">The reader is not on a string.</exception>
    public string ReadString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonSupport.UnexpectedToken(reader.TokenType, "a string");
        }

        var index = Find(ref reader);
        return index >= 0 ? _names[index] : reader.GetString()!;
    }

    /// <summary>The listed string the reader is on, or null when the reader is not on a listed string.</summary>
    public string? FindString(ref Utf8JsonReader reader)
    {
        var index = reader.TokenType == JsonTokenType.String ? Find(ref reader) : -1;
        return index >= 0 ? _names[index] : null;
    }

    /// <summary>
    /// Which listed string the value the reader is on holds, for a union telling its variants apart by a constant
    /// member: the string's position, -1 for another string or any other value (skipped), -2 for JSON null.
    /// </summary>
    /// <param name="reader">On the value's first token; left on its last.</param>
    public int MatchConstant(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return Find(ref reader);
            case JsonTokenType.Null:
                return -2;
            default:
                reader.TrySkip();
                return -1;
        }
    }

    private int FindUnescaped(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var buffer = length <= StackCopyLimit ? stackalloc byte[StackCopyLimit] : new byte[length];
        return Find(buffer[..reader.CopyString(buffer)]);
    }

    // Member names of one type mostly differ in length or in their first, middle or last byte.
    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return 0;
        }

        var hash = (uint)utf8.Length * 0x9E3779B1u;
        hash ^= utf8[0] * 0x85EBCA77u;
        hash ^= utf8[utf8.Length >> 1] * 0xC2B2AE3Du;
        hash ^= utf8[^1] * 0x27D4EB2Fu;
        hash ^= hash >> 15;
        return (int)(hash & 0x7FFFFFFF);
    }
}
