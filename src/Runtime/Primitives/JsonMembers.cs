using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Tether.Primitives;

/// <summary>
/// What a generated object's member table calls, one call per member: reads the member from JSON, writes it, or
/// checks that a required one is there, depending on which of <see cref="JsonObjectCodec"/>'s loops is running. A
/// member is given as its current value (and, for a member that may be JSON null, its "is set" flag) and the call
/// returns its new value, so that the one generated line serves reading and writing alike:
/// <c>case 3: value.Name = json.Value&lt;string, StringCodec&gt;(value.Name); return;</c>
/// </summary>
/// <remarks>
/// Reading is tolerant where the object has a raw bag: a value of another JSON kind than declared, a null the schema
/// does not allow, and a list or map with an item that does not fit are kept raw in the bag under the member's name
/// (and recorded, see <c>GetMismatches()</c>) while the member keeps its value. An object whose additional members
/// are typed has no such bag and is read strictly: those are errors.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public unsafe ref struct JsonMembers
{
    // The reader being read from, by address: a ref field cannot refer to a ref struct, and copying the reader in and
    // out of every object costs more than the rest of reading it. A Utf8JsonReader is a ref struct, so it lives on the
    // stack, in a frame below this one (JsonObjectCodec.Read's caller), and its address stays put while it is used here.
    private readonly void* _reader;
    private readonly ref IDictionary<string, JsonElement>? _bag;
    private readonly Utf8JsonWriter? _writer;
    private readonly JsonNameTable _names;
    private List<int>? _required;
    private Mode _mode;

    /// <summary>The member being visited: its index in the object's name table.</summary>
    internal int Index;

    internal JsonMembers(ref Utf8JsonReader reader, ref IDictionary<string, JsonElement>? bag, JsonNameTable names)
    {
#if NET9_0_OR_GREATER
        _reader = Unsafe.AsPointer(ref reader);
#else
        // Pinning is moot for the stack; fixed is only how C# 12 takes the address of a ref (of a managed type: CS8500).
#pragma warning disable CS8500
        fixed (Utf8JsonReader* address = &reader)
        {
            _reader = address;
        }
#pragma warning restore CS8500
#endif
        _bag = ref bag;
        _writer = null;
        _names = names;
        _mode = Mode.Read;
    }

    internal JsonMembers(Utf8JsonWriter writer, JsonNameTable names)
    {
        _reader = null;
        _bag = ref Unsafe.NullRef<IDictionary<string, JsonElement>?>();
        _writer = writer;
        _names = names;
        _mode = Mode.Write;
    }

    // Asks each member only whether it is required: nothing is read or written.
    private JsonMembers(JsonNameTable names, List<int> required)
    {
        _reader = null;
        _bag = ref Unsafe.NullRef<IDictionary<string, JsonElement>?>();
        _writer = null;
        _names = names;
        _required = required;
        _mode = Mode.FindRequired;
    }

    private enum Mode : byte
    {
        Read,
        Write,
        CheckRequired,
        FindRequired,
    }

    /// <summary>A member of a reference type: a generated object or union, a string, bytes, a list or a map.</summary>
    /// <typeparam name="T">The member's type.</typeparam>
    /// <typeparam name="TCodec">How a value of it is read and written.</typeparam>
    /// <param name="current">The member's value; null when absent.</param>
    /// <param name="required">Whether the schema requires the member (an absent one is noted after reading).</param>
    /// <returns>The member's value after the call.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T? Value<T, TCodec>(T? current, bool required = false)
        where T : class
        where TCodec : IJsonCodec<T>
    {
        switch (_mode)
        {
            case Mode.Read:
                return Read<T, TCodec>(nullAllowed: false, out var read) == Outcome.Value ? read : current;
            case Mode.Write:
                if (current is not null)
                {
                    WriteMember<T, TCodec>(current);
                }

                return current;
            default:
                Note(required, absent: current is null);
                return current;
        }
    }

    /// <summary>A member of a reference type that may be JSON null: set to null explicitly is not the same as absent.</summary>
    /// <typeparam name="T">The member's type.</typeparam>
    /// <typeparam name="TCodec">How a value of it is read and written.</typeparam>
    /// <param name="current">The member's value.</param>
    /// <param name="isSet">Whether the member is present (null included); set when it is read.</param>
    /// <param name="required">Whether the schema requires the member.</param>
    /// <returns>The member's value after the call.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T? Value<T, TCodec>(T? current, ref bool isSet, bool required = false)
        where T : class
        where TCodec : IJsonCodec<T>
    {
        switch (_mode)
        {
            case Mode.Read:
                return ReadNullable<T, TCodec>(ref isSet, out var read, out var isNull) ? (isNull ? null : read) : current;

            case Mode.Write:
                if (isSet)
                {
                    WriteMemberOrNull<T, TCodec>(current is not null, current!);
                }

                return current;
            default:
                Note(required, absent: !isSet);
                return current;
        }
    }

    /// <summary>A member of a value type: a number, a boolean, a time, an enum, raw JSON.</summary>
    /// <typeparam name="T">The member's type.</typeparam>
    /// <typeparam name="TCodec">How a value of it is read and written.</typeparam>
    /// <param name="current">The member's value; null when absent.</param>
    /// <param name="required">Whether the schema requires the member.</param>
    /// <returns>The member's value after the call.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T? Struct<T, TCodec>(T? current, bool required = false)
        where T : struct
        where TCodec : IJsonCodec<T>
    {
        switch (_mode)
        {
            case Mode.Read:
                // Raw JSON keeps a null as a value of its own, as it keeps anything.
                if (typeof(TCodec) == typeof(JsonElementCodec))
                {
                    Reader.Read();
                    return TCodec.ReadValue(ref Reader);
                }

                return Read<T, TCodec>(nullAllowed: false, out var read) == Outcome.Value ? read : current;
            case Mode.Write:
                if (current.HasValue)
                {
                    WriteMember<T, TCodec>(current.GetValueOrDefault());
                }

                return current;
            default:
                Note(required, absent: !current.HasValue);
                return current;
        }
    }

    /// <summary>A member of a value type that may be JSON null: set to null explicitly is not the same as absent.</summary>
    /// <typeparam name="T">The member's type.</typeparam>
    /// <typeparam name="TCodec">How a value of it is read and written.</typeparam>
    /// <param name="current">The member's value.</param>
    /// <param name="isSet">Whether the member is present (null included); set when it is read.</param>
    /// <param name="required">Whether the schema requires the member.</param>
    /// <returns>The member's value after the call.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T? Struct<T, TCodec>(T? current, ref bool isSet, bool required = false)
        where T : struct
        where TCodec : IJsonCodec<T>
    {
        switch (_mode)
        {
            case Mode.Read:
                return ReadNullable<T, TCodec>(ref isSet, out var read, out var isNull) ? (isNull ? null : read) : current;

            case Mode.Write:
                if (isSet)
                {
                    WriteMemberOrNull<T, TCodec>(current.HasValue, current.GetValueOrDefault());
                }

                return current;
            default:
                Note(required, absent: !isSet);
                return current;
        }
    }

    /// <summary>
    /// A string member the schema fixes to one value (<c>"object": "chat.completion"</c>): read as the given string
    /// itself when the JSON has that value, so that the member every response carries allocates nothing.
    /// </summary>
    /// <param name="current">The member's value; null when absent.</param>
    /// <param name="constant">The fixed value.</param>
    /// <param name="utf8">The fixed value as UTF-8.</param>
    /// <param name="required">Whether the schema requires the member.</param>
    /// <returns>The member's value after the call.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string? Constant(string? current, string constant, ReadOnlySpan<byte> utf8, bool required = false)
    {
        if (_mode != Mode.Read)
        {
            return Value<string, StringCodec>(current, required);
        }

        ref var reader = ref Reader;
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            Mismatch(JsonTokenType.String);
            return current;
        }

        return reader.ValueTextEquals(utf8) ? constant : reader.GetString();
    }

    /// <summary>The reader an object is being read from.</summary>
#pragma warning disable CS8500
    internal readonly ref Utf8JsonReader Reader => ref *(Utf8JsonReader*)_reader;
#pragma warning restore CS8500

    /// <summary>Whether values that do not fit are kept raw (the object has a raw bag) rather than being errors.</summary>
    internal readonly bool Tolerant => !Unsafe.IsNullRef(ref _bag);

    internal static JsonMembers ForRequiredMembers(JsonNameTable names) => new(names, new List<int>());

    internal void StartChecking() => _mode = Mode.CheckRequired;

    /// <summary>Notes that required member <paramref name="index"/> was absent.</summary>
    internal void NoteMissing(int index) => TolerantJson.NoteMissing(ref _bag, absent: true, _names[index]);

    internal readonly int[] RequiredIndexes() => _required?.ToArray() ?? Array.Empty<int>();

    // What reading a member came to: a value, an explicit null (where one is allowed), or neither, the member left
    // as it was (a value that does not fit, kept raw or an error; a disallowed null, kept raw).
    private enum Outcome : byte
    {
        Unchanged,
        Null,
        Value,
    }

    // A member that may be null: true when it was in the JSON (a value or null; isSet is then set), false when it is left
    // as it was.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool ReadNullable<T, TCodec>(ref bool isSet, out T value, out bool isNull)
        where TCodec : IJsonCodec<T>
    {
        var outcome = Read<T, TCodec>(nullAllowed: true, out value);
        isNull = outcome == Outcome.Null;
        if (outcome == Outcome.Unchanged)
        {
            return false;
        }

        isSet = true;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Outcome Read<T, TCodec>(bool nullAllowed, out T value)
        where TCodec : IJsonCodec<T>
    {
        ref var reader = ref Reader;
        reader.Read();
        var token = reader.TokenType;
        value = default!;
        if (token == JsonTokenType.Null && nullAllowed)
        {
            return Outcome.Null;
        }

        if (token == JsonTokenType.Null || !JsonSupport.Fits(token, TCodec.Kind))
        {
            Mismatch(TCodec.Kind);
            return Outcome.Unchanged;
        }

        value = TCodec.ReadValue(ref reader);

        // Null only from a list or map with an item that does not fit (the reader back on its start); never for a
        // value type, for which the test folds away.
        if (value is null)
        {
            ItemsDoNotFit();
            return Outcome.Unchanged;
        }

        return Outcome.Value;
    }

    // A value of another kind than declared (a null the schema does not allow included): kept raw in the bag, the
    // member left as it was; an object read strictly skips a null, as it always did, and fails on anything else.
    private void Mismatch(JsonTokenType expected)
    {
        ref var reader = ref Reader;
        if (Tolerant)
        {
            JsonSupport.Tolerate(ref reader, expected, ref _bag, _names[Index]);
        }
        else if (reader.TokenType != JsonTokenType.Null)
        {
            throw JsonSupport.UnexpectedToken(reader.TokenType, JsonSupport.Describe(expected));
        }
    }

    private void ItemsDoNotFit()
    {
        if (!Tolerant)
        {
            throw JsonSupport.ItemMismatch();
        }

        ref var reader = ref Reader;
        TolerantJson.KeepItemMismatch(
            ref reader, ref _bag, _names[Index], reader.TokenType == JsonTokenType.StartArray ? "an array of the declared items" : "an object of the declared values");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void WriteMemberOrNull<T, TCodec>(bool hasValue, T value)
        where TCodec : IJsonCodec<T>
    {
        if (hasValue)
        {
            WriteMember<T, TCodec>(value);
        }
        else
        {
            _writer!.WriteNull(_names.Encoded(Index));
        }
    }

    // Scalars go out with the name in one call, which checks the writer's state once instead of twice. The type tests
    // are constants in each compiled copy (TCodec is a struct), so only one branch is left of them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void WriteMember<T, TCodec>(T value)
        where TCodec : IJsonCodec<T>
    {
        var writer = _writer!;
        var name = _names.Encoded(Index);
        if (typeof(TCodec) == typeof(StringCodec))
        {
            writer.WriteString(name, Unsafe.As<T, string>(ref value));
        }
        else if (typeof(TCodec) == typeof(BooleanCodec))
        {
            writer.WriteBoolean(name, Unsafe.As<T, bool>(ref value));
        }
        else if (typeof(TCodec) == typeof(Int64Codec))
        {
            writer.WriteNumber(name, Unsafe.As<T, long>(ref value));
        }
        else if (typeof(TCodec) == typeof(Int32Codec))
        {
            writer.WriteNumber(name, Unsafe.As<T, int>(ref value));
        }
        else if (typeof(TCodec) == typeof(DoubleCodec))
        {
            writer.WriteNumber(name, Unsafe.As<T, double>(ref value));
        }
        else if (typeof(TCodec) == typeof(SingleCodec))
        {
            writer.WriteNumber(name, Unsafe.As<T, float>(ref value));
        }
        else if (typeof(T).IsValueType && TCodec.Kind == JsonTokenType.String)
        {
            // An enum: the one kind of struct written as a string, its value being its ToString().
            writer.WriteString(name, value!.ToString());
        }
        else
        {
            writer.WritePropertyName(name);
            TCodec.WriteValue(writer, value);
        }
    }

    private void Note(bool required, bool absent)
    {
        if (!required)
        {
            return;
        }

        if (_mode == Mode.FindRequired)
        {
            _required!.Add(Index);
        }
        else if (absent)
        {
            TolerantJson.NoteMissing(ref _bag, absent: true, _names[Index]);
        }
    }
}
