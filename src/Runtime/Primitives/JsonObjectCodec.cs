using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Tether.Primitives;

/// <summary>
/// Reads and writes any generated object through its <see cref="IJsonObjectCodec{T, TSelf}"/>: one loop here for
/// every type. The loops are generic over the codec, a struct, so each type gets its own compiled copy that calls the
/// codec's members directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonObjectCodec
{
    /// <summary>Reads one object; the reader is on its start and is left on its end.</summary>
    /// <exception cref="JsonException">The value is not an object, or (for an object read strictly) a member is of another kind than declared.</exception>
    public static T Read<T, TCodec>(ref Utf8JsonReader reader)
        where T : class
        where TCodec : IJsonObjectCodec<T, TCodec>
    {
        JsonSupport.ExpectObject(ref reader);
        var value = TCodec.Create();
        ref var bag = ref TCodec.UnknownMembers(value);
        var names = TCodec.Names;
        var json = new JsonMembers(reader, ref bag, names);
        try
        {
            ReadMembers<T, TCodec>(ref json, value, names);
        }
        catch (Exception)
        {
            // The caller's reader is where the serializer finds the error's position: give it the one read up to here.
            reader = json.Reader;
            throw;
        }

        reader = json.Reader;
        return value;
    }

    private static void ReadMembers<T, TCodec>(ref JsonMembers json, T value, JsonNameTable names)
        where T : class
        where TCodec : IJsonObjectCodec<T, TCodec>
    {
        ref var reader = ref json.Reader;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = names.Find(ref reader);
            if (index < 0)
            {
                TCodec.ReadUnknownMember(ref reader, value);
                continue;
            }

            json.Index = index;
            TCodec.Member(ref json, value, index);
        }

        // Absent required members stay unset, as they always were; noted so that the caller can tell. An object read
        // strictly has no bag to note them in.
        if (json.Tolerant)
        {
            var required = RequiredMembers<T, TCodec>.Indexes;
            if (required.Length > 0)
            {
                json.StartChecking();
                foreach (var index in required)
                {
                    json.Index = index;
                    TCodec.Member(ref json, value, index);
                }
            }
        }
    }

    /// <summary>Writes one object: its members in declared order, absent ones left out, then its unknown members.</summary>
    public static void Write<T, TCodec>(Utf8JsonWriter writer, T value)
        where T : class
        where TCodec : IJsonObjectCodec<T, TCodec>
    {
        writer.WriteStartObject();
        var names = TCodec.Names;
        var json = new JsonMembers(writer, names);
        for (var index = 0; index < names.Count; index++)
        {
            json.Index = index;
            TCodec.Member(ref json, value, index);
        }

        TCodec.WriteUnknownMembers(writer, value);
        writer.WriteEndObject();
    }

    // The members a codec marks required, found once per type by asking each member (the generated table is the one
    // place that says which are).
    private static class RequiredMembers<T, TCodec>
        where T : class
        where TCodec : IJsonObjectCodec<T, TCodec>
    {
        public static readonly int[] Indexes = Find();

        private static int[] Find()
        {
            var names = TCodec.Names;
            var value = TCodec.Create();
            var json = JsonMembers.ForRequiredMembers(names);
            for (var index = 0; index < names.Count; index++)
            {
                json.Index = index;
                TCodec.Member(ref json, value, index);
            }

            return json.RequiredIndexes();
        }
    }
}
