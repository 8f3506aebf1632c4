using System.Collections.Generic;
using Tether.Generator.Model;
using Tether.Generator.Reading;

namespace Tether.Generator.Translating;

/// <summary>
/// A union whose variants are known but whose distinguishing facts (const property values, required names) are
/// computed last, once every object variant's properties have been translated.
/// </summary>
internal sealed class UnionDefinition(
    string name, string pointer, string? description, bool deprecated, string? discriminator,
    IReadOnlyDictionary<string, List<string>> mappingValuesByComponent, IReadOnlyList<VariantDraft> variants)
{
    public string Name { get; } = name;

    public string Pointer { get; } = pointer;

    public string? Description { get; } = description;

    public bool Deprecated { get; } = deprecated;

    public string? Discriminator { get; } = discriminator;

    /// <summary>Explicit discriminator <c>mapping</c>: component key → the values that select it.</summary>
    public IReadOnlyDictionary<string, List<string>> MappingValuesByComponent { get; } = mappingValuesByComponent;

    public IReadOnlyList<VariantDraft> Variants { get; } = variants;
}

/// <summary>A union variant before its const/required facts are known.</summary>
/// <param name="ComponentKey">The component the variant refers to, for discriminator mappings (explicit or implicit).</param>
internal sealed record VariantDraft(string Name, TypeRef Type, JsonValueKind Kind, string? ComponentKey);
