using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Tether;

/// <summary>
/// Describes an <c>application/x-www-form-urlencoded</c> body (Twilio, Stripe and most form APIs). Names and values
/// are UTF-8 and percent-encoded by the WHATWG rule: ASCII letters, digits and <c>*-._</c> as they are, space as
/// <c>+</c>, every other byte (brackets in keys included) as <c>%XX</c>. <see langword="null"/> values add nothing, so
/// optional fields need no branch. The body is written once into one growing buffer; finish with <see cref="Build"/>.
/// </summary>
/// <remarks>
/// Nested values (<see cref="AddDeepObject"/>) follow the bracket convention Stripe, Rails and PHP read: object
/// members as <c>name[key]</c>, recursively (<c>a[b][c]=v</c>); arrays of scalars as <c>name[]=x</c> per item; arrays
/// that hold objects or arrays with an index per item (<c>items[0][price]=p</c>), since <c>items[][price]</c> could
/// not say where one item ends and the next begins.
/// </remarks>
/// <example>
/// <code>
/// RequestContent body = new FormUrlEncodedBuilder()
///     .Add("To", "+15550100")
///     .AddEach("StatusCallbackEvent", events)
///     .AddDeepObject("metadata", metadataJson)
///     .Build();
/// </code>
/// </example>
public sealed class FormUrlEncodedBuilder
{
    /// <summary>The body's <c>Content-Type</c>.</summary>
    public const string MediaType = "application/x-www-form-urlencoded";

    private static readonly byte[] True = "true"u8.ToArray();
    private static readonly byte[] False = "false"u8.ToArray();

    private readonly ArrayBufferWriter<byte> _body = new(256);
    // The key of the deepObject leaf being written, kept encoded so that each leaf copies it without encoding it again.
    private byte[] _key = new byte[64];
    private int _keyLength;
    private bool _built;

    /// <summary>Adds <c>name=value</c> unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The field name, verbatim (brackets are data and get percent-encoded).</param>
    /// <param name="value">The text.</param>
    /// <returns>This builder.</returns>
    public FormUrlEncodedBuilder Add(string name, string? value)
    {
        ValidateName(name);
        if (value is not null)
        {
            StartPair(name);
            WriteEncoded(value);
        }

        return this;
    }

    /// <summary>Adds <c>true</c> or <c>false</c> unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public FormUrlEncodedBuilder Add(string name, bool? value) => Add(name, value is { } v ? WireFormat.Format(v) : null);

    /// <summary>Adds an integer (invariant culture) unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public FormUrlEncodedBuilder Add(string name, long? value) => Add(name, value is { } v ? WireFormat.Format(v) : null);

    /// <summary>Adds a number (invariant culture, round-trip) unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public FormUrlEncodedBuilder Add(string name, double? value) => Add(name, value is { } v ? WireFormat.Format(v) : null);

    /// <summary>Adds a decimal (invariant culture) unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public FormUrlEncodedBuilder Add(string name, decimal? value) => Add(name, value is { } v ? WireFormat.Format(v) : null);

    /// <summary>
    /// Adds an array exploded, one pair per item with the same name (<c>a=1&amp;a=2</c>). <see langword="null"/> adds
    /// nothing; <see langword="null"/> items are skipped.
    /// </summary>
    /// <param name="name">The field name.</param>
    /// <param name="values">The values, already formatted (see <see cref="WireFormat"/>).</param>
    /// <returns>This builder.</returns>
    public FormUrlEncodedBuilder AddEach(string name, IEnumerable<string?>? values)
    {
        ValidateName(name);
        if (values is not null)
        {
            foreach (string? value in values)
            {
                Add(name, value);
            }
        }

        return this;
    }

    /// <summary>
    /// Adds an array as one pair, its items joined by <paramref name="delimiter"/>: <c>,</c> for <c>style: form,
    /// explode: false</c> (<c>a=1%2C2</c>), space for <c>spaceDelimited</c> (<c>a=1+2</c>), <c>|</c> for
    /// <c>pipeDelimited</c> (<c>a=1%7C2</c>). The delimiter is encoded like any other character, as the form
    /// encoding requires. <see langword="null"/> adds nothing; <see langword="null"/> items are skipped; an empty
    /// array adds <c>a=</c>.
    /// </summary>
    /// <param name="name">The field name.</param>
    /// <param name="values">The values, already formatted.</param>
    /// <param name="delimiter">The separator between items.</param>
    /// <returns>This builder.</returns>
    public FormUrlEncodedBuilder AddDelimited(string name, IEnumerable<string?>? values, char delimiter)
    {
        ValidateName(name);
        if (values is null)
        {
            return this;
        }

        StartPair(name);
        var first = true;
        Span<char> separator = stackalloc char[1];
        separator[0] = delimiter;
        foreach (string? value in values)
        {
            if (value is null)
            {
                continue;
            }

            if (!first)
            {
                WriteEncoded(separator);
            }

            WriteEncoded(value);
            first = false;
        }

        return this;
    }

    /// <summary>
    /// Adds an object in <c>style: form, explode: true</c>: each member as a pair of its own (<c>R=100&amp;G=200</c>);
    /// an array member repeats its name per item, any other nested value is sent as its JSON text. Members that are
    /// <see langword="null"/> are skipped; a value that is not an object adds nothing.
    /// </summary>
    /// <param name="value">The object, e.g. from <c>JsonSerializer.SerializeToElement</c>.</param>
    /// <returns>This builder.</returns>
    public FormUrlEncodedBuilder AddMembers(JsonElement value)
    {
        EnsureOpen();
        if (value.ValueKind != JsonValueKind.Object)
        {
            return this;
        }

        foreach (JsonProperty member in value.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in member.Value.EnumerateArray())
                {
                    AddLeaf(member.Name, item);
                }
            }
            else
            {
                AddLeaf(member.Name, member.Value);
            }
        }

        return this;
    }

    /// <summary>
    /// Adds an object in <c>style: form, explode: false</c>: one pair, keys and values alternating and comma-separated
    /// (<c>color=R%2C100%2CG%2C200</c>). Members that are <see langword="null"/> are skipped; a value that is not an
    /// object adds nothing.
    /// </summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The object.</param>
    /// <returns>This builder.</returns>
    public FormUrlEncodedBuilder AddObject(string name, JsonElement value)
    {
        ValidateName(name);
        if (value.ValueKind != JsonValueKind.Object)
        {
            return this;
        }

        StartPair(name);
        var first = true;
        foreach (JsonProperty member in value.EnumerateObject())
        {
            if (member.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                continue;
            }

            if (!first)
            {
                WriteEncoded(",");
            }

            WriteEncoded(member.Name);
            WriteEncoded(",");
            WriteScalar(member.Value);
            first = false;
        }

        return this;
    }

    /// <summary>
    /// Adds a value in <c>style: deepObject</c>, recursively: object members as <c>name[key]</c>
    /// (<c>metadata[order]=42</c>, <c>a[b][c]=v</c>), arrays of scalars as <c>name[]</c> per item
    /// (<c>expand[]=x</c>), arrays holding objects or arrays indexed (<c>items[0][price]=p</c>), a scalar as
    /// <c>name=value</c>. <see langword="null"/> members and items are left out.
    /// </summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value, e.g. from <c>JsonSerializer.SerializeToElement</c>.</param>
    /// <returns>This builder.</returns>
    public FormUrlEncodedBuilder AddDeepObject(string name, JsonElement value)
    {
        ValidateName(name);
        _keyLength = 0;
        AppendKey(name);
        AddNested(value);
        return this;
    }

    /// <summary>
    /// Adds a field whose value is JSON text (an <c>encoding</c> with <c>contentType: application/json</c>), serialized
    /// now with the given metadata. <see langword="null"/> adds nothing.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">Serialization metadata, typically <c>MyJsonContext.Default.MyType</c>.</param>
    /// <returns>This builder.</returns>
    public FormUrlEncodedBuilder AddJson<T>(string name, T? value, JsonTypeInfo<T> typeInfo)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (value is not null)
        {
            StartPair(name);
            WriteEncoded(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        }

        return this;
    }

    /// <summary>The body described so far; the builder may not be changed afterwards.</summary>
    /// <returns>Content that re-sends the same bytes per attempt, with <c>Content-Type: application/x-www-form-urlencoded</c>.</returns>
    public RequestContent Build()
    {
        EnsureOpen();
        _built = true;
        // The buffer is handed over without a copy: nothing writes to it once built.
        return new BytesRequestContent(_body.WrittenMemory, MediaType);
    }

    private void AddNested(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty member in value.EnumerateObject())
                {
                    var length = _keyLength;
                    AppendKey("[");
                    AppendKey(member.Name);
                    AppendKey("]");
                    AddNested(member.Value);
                    _keyLength = length;
                }

                break;
            case JsonValueKind.Array:
                var indexed = HoldsContainers(value);
                var index = 0;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    var length = _keyLength;
                    AppendKey(indexed ? "[" + WireFormat.Format(index) + "]" : "[]");
                    AddNested(item);
                    _keyLength = length;
                    index++;
                }

                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                break;
            default:
                StartPair(_key.AsSpan(0, _keyLength));
                WriteScalar(value);
                break;
        }
    }

    private static bool HoldsContainers(JsonElement array)
    {
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                return true;
            }
        }

        return false;
    }

    private void AddLeaf(string name, JsonElement value)
    {
        if (value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            StartPair(name);
            WriteScalar(value);
        }
    }

    /// <summary>A JSON value as form text: a string without its quotes, <c>true</c>/<c>false</c>, a number as written, anything else as JSON.</summary>
    private void WriteScalar(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                WriteEncoded(value.GetString()!);
                break;
            case JsonValueKind.True:
                WriteEncoded(True);
                break;
            case JsonValueKind.False:
                WriteEncoded(False);
                break;
            default:
                WriteEncoded(value.GetRawText());
                break;
        }
    }

    private void AppendKey(string text)
    {
        var needed = _keyLength + (Encoding.UTF8.GetMaxByteCount(text.Length) * 3);
        if (needed > _key.Length)
        {
            Array.Resize(ref _key, Math.Max(needed, _key.Length * 2));
        }

        _keyLength += Encode(text, _key.AsSpan(_keyLength));
    }

    private void StartPair(string name)
    {
        EnsureOpen();
        WriteSeparator();
        WriteEncoded(name);
        _body.Write("="u8);
    }

    private void StartPair(ReadOnlySpan<byte> encodedName)
    {
        EnsureOpen();
        WriteSeparator();
        _body.Write(encodedName);
        _body.Write("="u8);
    }

    private void WriteSeparator()
    {
        if (_body.WrittenCount > 0)
        {
            _body.Write("&"u8);
        }
    }

    private void WriteEncoded(ReadOnlySpan<char> text)
    {
        // At most three bytes out per UTF-8 byte in.
        _body.Advance(Encode(text, _body.GetSpan(Math.Max(1, Encoding.UTF8.GetMaxByteCount(text.Length) * 3))));
    }

    private void WriteEncoded(ReadOnlySpan<byte> utf8) => _body.Advance(Encode(utf8, _body.GetSpan(Math.Max(1, utf8.Length * 3))));

    private static int Encode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        var maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        Span<byte> utf8 = maxBytes <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        // Lone surrogates become U+FFFD, as browsers send them.
        var count = Encoding.UTF8.GetBytes(text, utf8);
        var written = Encode(utf8.Slice(0, count), destination);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return written;
    }

    private static int Encode(ReadOnlySpan<byte> utf8, Span<byte> destination)
    {
        var written = 0;
        foreach (byte b in utf8)
        {
            if (IsUnreserved(b))
            {
                destination[written++] = b;
            }
            else if (b == (byte)' ')
            {
                destination[written++] = (byte)'+';
            }
            else
            {
                destination[written++] = (byte)'%';
                destination[written++] = HexDigit(b >> 4);
                destination[written++] = HexDigit(b & 0xF);
            }
        }

        return written;
    }

    private static bool IsUnreserved(byte b) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'*' or (byte)'-' or (byte)'.' or (byte)'_';

    private static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'A' + value - 10);

    private static void ValidateName(string name) => ArgumentException.ThrowIfNullOrEmpty(name);

    private void EnsureOpen()
    {
        if (_built)
        {
            throw new InvalidOperationException("The form body was already built; describe a new body with a new FormUrlEncodedBuilder.");
        }
    }
}
