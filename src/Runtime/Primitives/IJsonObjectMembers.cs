using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Tether.Primitives;

/// <summary>
/// The codec of a generated object, written as a table: its JSON names and, by number, one call per member into
/// <see cref="JsonMembers"/>, which reads, writes or checks that member. The loop over an object's members, the
/// unknown members and the required-member check are here, once, instead of in every generated type
/// (<see cref="JsonObjectCodec"/>); the generated code holds only what the spec says about each member.
/// </summary>
/// <typeparam name="TSelf">The codec itself, so that the shared loops call its members directly.</typeparam>
/// <remarks>
/// The object is passed as <see cref="object"/> on purpose: code generic over a reference type is compiled once for
/// all of them and reaches static interface members through a runtime lookup, while code generic over the codec
/// alone (a struct) is compiled for each codec and calls, even inlines, its members directly.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IJsonObjectMembers<TSelf>
    where TSelf : IJsonObjectMembers<TSelf>
{
    /// <summary>The declared members' JSON names; a member's number is its index here.</summary>
    static abstract JsonNameTable Names { get; }

    /// <summary>An object with no member set, to read into (no defaults: what the JSON lacks stays absent).</summary>
    static abstract object Create();

    /// <summary>Hands member <paramref name="index"/> of <paramref name="value"/> to <paramref name="json"/>.</summary>
    static abstract void Member(ref JsonMembers json, object value, int index);

    /// <summary>
    /// The bag that keeps unknown members as raw JSON, and the values that did not fit their declared types; a null
    /// reference for an object whose schema types its additional members, which is read strictly and brings
    /// <see cref="ReadUnknownMember"/> and <see cref="WriteUnknownMembers"/> of its own.
    /// </summary>
    static virtual ref IDictionary<string, JsonElement>? UnknownMembers(object value) => ref Unsafe.NullRef<IDictionary<string, JsonElement>?>();

    /// <summary>Reads a member <see cref="Names"/> does not have; the reader is on its name.</summary>
    static virtual void ReadUnknownMember(ref Utf8JsonReader reader, object value) => JsonSupport.ReadUnknownMember(ref reader, ref TSelf.UnknownMembers(value));

    /// <summary>Writes the members <see cref="Names"/> does not have.</summary>
    static virtual void WriteUnknownMembers(Utf8JsonWriter writer, object value) => JsonSupport.WriteUnknownMembers(writer, TSelf.UnknownMembers(value));
}
