using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace Tether.Primitives;

/// <summary>
/// What the generated converters call when a member does not fit its declared type: keep the raw value in the
/// object's bag, record why, and tell the call reading the response (<see cref="ToleranceJournal"/>), which may be
/// strict and make it an error. Only ever called off the happy path.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TolerantJson
{
    /// <summary>
    /// The reader is on a value of the wrong JSON kind (or on the start of a list or map with an item that does not
    /// fit, rewound there): keeps the value raw under <paramref name="name"/>, or throws in strict reading.
    /// </summary>
    /// <param name="reader">On the value's first token; left on its last.</param>
    /// <param name="members">The object's bag, created or upgraded as needed.</param>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="expected">What the spec declares, e.g. <c>an array</c>.</param>
    /// <exception cref="JsonException">The call reads strictly.</exception>
    public static void KeepMismatch(ref Utf8JsonReader reader, ref IDictionary<string, JsonElement>? members, string name, string expected) =>
        Keep(ref reader, ref members, name, expected, Describe(reader.TokenType));

    /// <summary>
    /// A list or map with an item that does not fit (the reader rewound to its start): keeps the whole value raw
    /// under <paramref name="name"/>, or throws in strict reading.
    /// </summary>
    /// <param name="reader">On the collection's first token; left on its last.</param>
    /// <param name="members">The object's bag, created or upgraded as needed.</param>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="expected">What the spec declares, e.g. <c>an array</c>.</param>
    /// <exception cref="JsonException">The call reads strictly.</exception>
    public static void KeepItemMismatch(ref Utf8JsonReader reader, ref IDictionary<string, JsonElement>? members, string name, string expected) =>
        Keep(ref reader, ref members, name, expected, "one with an item of another kind");

    private static void Keep(ref Utf8JsonReader reader, ref IDictionary<string, JsonElement>? members, string name, string expected, string found)
    {
        var journal = ToleranceJournal.Current;
        if (journal is { Strict: true })
        {
            // No path here: the serializer adds it, with the line and byte position, as for any converter error.
            throw new JsonException("Expected " + expected + " but found " + found + ".");
        }

        var bag = Upgrade(ref members);
        bag[name] = JsonElement.ParseValue(ref reader);
        Record(bag, journal, new TetherMismatch(name, TetherMismatchKind.WrongKind, expected));
    }

    /// <summary>JSON null where the spec allows none: kept under <paramref name="name"/> (lenient in strict reading too, as it always was).</summary>
    /// <param name="members">The object's bag.</param>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="nullValue">A JSON null element.</param>
    public static void KeepNull(ref IDictionary<string, JsonElement>? members, string name, JsonElement nullValue)
    {
        var bag = Upgrade(ref members);
        bag[name] = nullValue;
        Record(bag, ToleranceJournal.Current, new TetherMismatch(name, TetherMismatchKind.Null, expected: null));
    }

    /// <summary>
    /// A required member was absent (lenient in strict reading too): recorded unless its value was already kept as a
    /// mismatch.
    /// </summary>
    /// <param name="members">The object's bag.</param>
    /// <param name="absent">Whether the member is absent; nothing happens when not.</param>
    /// <param name="name">The member's JSON name.</param>
    public static void NoteMissing(ref IDictionary<string, JsonElement>? members, bool absent, string name)
    {
        if (!absent || (members is TolerantMembers kept && kept.ContainsKey(name)))
        {
            return;
        }

        Record(Upgrade(ref members), ToleranceJournal.Current, new TetherMismatch(name, TetherMismatchKind.Missing, expected: null));
    }

    private static TolerantMembers Upgrade(ref IDictionary<string, JsonElement>? members)
    {
        if (members is TolerantMembers tolerant)
        {
            return tolerant;
        }

        tolerant = members is null ? new TolerantMembers() : new TolerantMembers(members);
        members = tolerant;
        return tolerant;
    }

    private static void Record(TolerantMembers bag, ToleranceJournal? journal, TetherMismatch mismatch)
    {
        bag.Add(mismatch);
        journal?.Add(mismatch);
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
