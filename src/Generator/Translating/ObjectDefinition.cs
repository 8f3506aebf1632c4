using System.Collections.Generic;
using Microsoft.OpenApi;
using Tether.Generator.Reading;

namespace Tether.Generator.Translating;

/// <summary>
/// An object type whose name is settled but whose properties are not translated yet. Properties are translated
/// after every named type exists, so that an object referring to itself (directly or through others) needs no
/// special handling.
/// </summary>
internal sealed class ObjectDefinition(string name, SchemaSite site, string? description, bool deprecated)
{
    public string Name { get; } = name;

    public SchemaSite Site { get; } = site;

    public string? Description { get; } = description;

    public bool Deprecated { get; } = deprecated;

    /// <summary>Properties in order of first appearance across the allOf parts; a later part's schema wins.</summary>
    public List<PropertySource> Properties { get; } = new();

    /// <summary>Required names from every part (they may name properties that another part defines).</summary>
    public HashSet<string> Required { get; } = new(System.StringComparer.Ordinal);

    public PropertySource? AdditionalProperties { get; set; }
}

/// <summary>A property schema and where it is written (its own pointer and owner-derived name).</summary>
internal sealed record PropertySource(string JsonName, IOpenApiSchema Schema, SchemaSite Site);
