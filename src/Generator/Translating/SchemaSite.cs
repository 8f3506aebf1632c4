using Tether.Generator.Reading;

namespace Tether.Generator.Translating;

/// <summary>
/// Where a schema is written and what a type made from it would be called: its JSON pointer, the candidate name
/// (owner-derived, or the final name of a component), and the component it sits in (for <c>$recursiveRef</c>).
/// </summary>
/// <param name="IsFinalName">True for a component's own name, which was reserved up front and is used as is.</param>
/// <param name="Component">The key of the component schema this one is written inside, if any.</param>
internal readonly record struct SchemaSite(string Pointer, string NameHint, bool IsFinalName, string? Component)
{
    /// <summary>The description of a wrapper this schema was reached through, for a type made from a schema without one.</summary>
    public string? Description { get; init; }

    /// <summary>The same place under another pointer: a wrapper's only member, which takes over the wrapper's name.</summary>
    public SchemaSite PassThrough(string pointer, string? wrapperDescription)
        => this with { Pointer = pointer, Description = wrapperDescription ?? Description };

    /// <summary>A schema written inside this one, e.g. a property (<c>properties/name</c>) or the array items.</summary>
    public SchemaSite Child(string keyword, string segment, string nameHint)
        => new(JsonPointer.Append(JsonPointer.Append(Pointer, keyword), segment), nameHint, false, Component);

    public SchemaSite Child(string keyword, int index, string nameHint)
        => new(JsonPointer.Append(JsonPointer.Append(Pointer, keyword), index), nameHint, false, Component);

    public SchemaSite Child(string keyword, string nameHint)
        => new(JsonPointer.Append(Pointer, keyword), nameHint, false, Component);
}
