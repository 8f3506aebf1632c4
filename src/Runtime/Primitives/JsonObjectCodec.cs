using System.Collections.Generic;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Tether.Primitives;

/// <summary>
/// Reads and writes any generated object through its member table (<see cref="IJsonObjectMembers{TSelf}"/>): one loop
/// here for every type. The loops are generic over the codec alone, a struct, so each type gets its own compiled copy
/// that calls the codec's members directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonObjectCodec
{
    /// <summary>Reads one object; the reader is on its start and is left on its end.</summary>
    /// <exception cref="JsonException">The value is not an object, or (for an object read strictly) a member is of another kind than declared.</exception>
    public static object Read<TCodec>(ref Utf8JsonReader reader)
        where TCodec : IJsonObjectMembers<TCodec>
    {
        JsonSupport.ExpectObject(ref reader);
        var value = TCodec.Create();
        ref var bag = ref TCodec.UnknownMembers(value);
        var names = TCodec.Names;
        var json = new JsonMembers(ref reader, ref bag, names);
        var seen = 0UL;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = names.Find(ref reader);
            if (index < 0)
            {
                TCodec.ReadUnknownMember(ref reader, value);
                continue;
            }

            if (index < 64)
            {
                seen |= 1UL << index;
            }

            json.Index = index;
            TCodec.Member(ref json, value, index);
        }

        // Absent required members stay unset, as they always were; noted so that the caller can tell. One that was in
        // the JSON is never noted (it was read, or kept raw and noted as such); one that was not is absent from the
        // object, which was created empty. An object read strictly has no bag to note them in.
        var required = RequiredMembers<TCodec>.Instance;
        if (json.Tolerant && ((required.FirstMembers & ~seen) != 0 || required.LaterMembers.Length > 0))
        {
            NoteMissing<TCodec>(ref json, value, seen, required);
        }

        return value;
    }

    private static void NoteMissing<TCodec>(ref JsonMembers json, object value, ulong seen, RequiredMembers<TCodec> required)
        where TCodec : IJsonObjectMembers<TCodec>
    {
        var missing = required.FirstMembers & ~seen;
        while (missing != 0)
        {
            var index = BitOperations.TrailingZeroCount(missing);
            missing &= missing - 1;
            json.NoteMissing(index);
        }

        // Past the first 64 members the mask above says nothing; there each required member is asked whether it is set.
        if (required.LaterMembers.Length > 0)
        {
            json.StartChecking();
            foreach (var index in required.LaterMembers)
            {
                json.Index = index;
                TCodec.Member(ref json, value, index);
            }
        }
    }

    /// <summary>Writes one object: its members in declared order, absent ones left out, then its unknown members.</summary>
    public static void Write<TCodec>(Utf8JsonWriter writer, object value)
        where TCodec : IJsonObjectMembers<TCodec>
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
    // place that says which are): the first 64 as a mask, so that reading an object notes the absent ones without
    // asking any member again.
    private sealed class RequiredMembers<TCodec>
        where TCodec : IJsonObjectMembers<TCodec>
    {
        public static readonly RequiredMembers<TCodec> Instance = new();

        private RequiredMembers()
        {
            var names = TCodec.Names;
            var value = TCodec.Create();
            var json = JsonMembers.ForRequiredMembers(names);
            for (var index = 0; index < names.Count; index++)
            {
                json.Index = index;
                TCodec.Member(ref json, value, index);
            }

            var later = new List<int>();
            foreach (var index in json.RequiredIndexes())
            {
                if (index < 64)
                {
                    FirstMembers |= 1UL << index;
                }
                else
                {
                    later.Add(index);
                }
            }

            LaterMembers = later.ToArray();
        }

        public ulong FirstMembers { get; }

        public int[] LaterMembers { get; }
    }
}
