using System;
using System.Collections.Generic;
using Microsoft.OpenApi;
using Tether.Generator.Diagnostics;
using Tether.Generator.Model;
using Tether.Generator.Reading;
using JsonPointer = Tether.Generator.Reading.JsonPointer;

namespace Tether.Generator.Translating;

/// <summary>
/// allOf → one type. Parts that only annotate (<c>{nullable: true}</c>, a description) add nullability; object
/// parts are merged into one class whose <c>required</c> list is the union of every part's (a part may require a
/// property that another part defines); a single non-object part (e.g. <c>allOf[$ref]</c> with siblings, or a
/// union plus an object adding optional properties) stands for the whole — the extra properties survive in the
/// unknown-member bag.
/// </summary>
internal sealed class AllOfMerger(SchemaTranslator translator)
{
    public TypeUse Resolve(IOpenApiSchema schema, SchemaSite site)
    {
        var nullable = false;
        string? description = schema.Description;
        var real = new List<(IOpenApiSchema Part, string Pointer)>();
        var parts = schema.AllOf!;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part is null)
            {
                continue;
            }

            var pointer = JsonPointer.Append(JsonPointer.Append(site.Pointer, "allOf"), i);
            if (part is not OpenApiSchemaReference && SchemaFacts.IsAnnotationOnly(part))
            {
                nullable |= translator.IsNullable(part, pointer);
                description ??= part.Description;
                continue;
            }

            real.Add((part, pointer));
        }

        var ownProperties = schema.Properties is { Count: > 0 };
        if (real.Count == 0)
        {
            return translator.TranslateShape(schema, site, nullable);
        }

        if (real.Count == 1 && !ownProperties)
        {
            return translator.Resolve(real[0].Part, site.PassThrough(real[0].Pointer, description)).OrNullable(nullable);
        }

        var others = new List<(IOpenApiSchema Part, string Pointer)>();
        foreach (var entry in real)
        {
            if (!IsObjectLike(entry.Part, new HashSet<string>(StringComparer.Ordinal)))
            {
                others.Add(entry);
            }
        }

        if (others.Count == 0)
        {
            var definition = Collect(schema, site, translator.Types.ClaimName(site));
            return new TypeUse(translator.AddObject(definition), nullable);
        }

        if (others.Count == 1)
        {
            return translator.Resolve(others[0].Part, site.PassThrough(others[0].Pointer, description)).OrNullable(nullable);
        }

        translator.Diagnostics.Add(
            DiagnosticDescriptors.UnsupportedConstruct, site.Pointer + "/allOf",
            "allOf of several parts that are not all objects", site.Pointer, "JsonElement");
        return new TypeUse(TypeRef.Any, nullable);
    }

    /// <summary>Gathers the properties of <paramref name="schema"/> and of all its allOf parts (following $refs).</summary>
    public ObjectDefinition Collect(IOpenApiSchema schema, SchemaSite site, string name)
    {
        var definition = new ObjectDefinition(name, site, schema.Description ?? site.Description, schema.Deprecated);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        if (site.IsFinalName && site.Component is { } component)
        {
            visited.Add(component);
        }

        Add(schema, site, name, definition, positions, visited);
        return definition;
    }

    /// <summary>
    /// An object with <c>properties</c> and <c>oneOf</c>/<c>anyOf</c> beside them (GitHub, PagerDuty): the listed
    /// properties (and allOf parts) as <see cref="Collect"/> gathers them, plus every member an object alternative
    /// adds, as an optional property (only the object's own <c>required</c> list counts: which alternative a payload
    /// matches is not known up front). A member listed by several alternatives takes the first one's schema; a
    /// non-object alternative adds no member, and its JSON still survives in the unknown-member bag. One class that
    /// reads like the payload, instead of a union whose variants would each repeat the shared properties.
    /// </summary>
    public ObjectDefinition CollectWithAlternatives(IOpenApiSchema schema, SchemaSite site, string name, IReadOnlyList<UnionMember> alternatives)
    {
        var definition = Collect(schema, site, name);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in definition.Properties)
        {
            known.Add(property.JsonName);
        }

        foreach (var alternative in alternatives)
        {
            if (!IsObjectLike(alternative.Schema, new HashSet<string>(StringComparer.Ordinal)))
            {
                continue;
            }

            var added = new ObjectDefinition(name, site, description: null, deprecated: false);
            var visited = new HashSet<string>(StringComparer.Ordinal);
            if (site.Component is { } component)
            {
                visited.Add(component);
            }

            Add(alternative.Schema, new SchemaSite(alternative.Pointer, name, false, site.Component), name, added, new Dictionary<string, int>(StringComparer.Ordinal), visited);
            foreach (var property in added.Properties)
            {
                if (known.Add(property.JsonName))
                {
                    definition.Properties.Add(property);
                }
            }
        }

        return definition;
    }

    /// <summary>The JSON property names an object body has (own, allOf parts, $refs followed).</summary>
    public HashSet<string> PropertyNames(IOpenApiSchema schema)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        CollectNames(schema, names, new HashSet<string>(StringComparer.Ordinal));
        return names;
    }

    private void Add(
        IOpenApiSchema schema, SchemaSite site, string owner, ObjectDefinition definition,
        Dictionary<string, int> positions, HashSet<string> visited)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            if (translator.DeepTarget(site.Pointer, reference) is { } deep)
            {
                if (deep.Target is { } found && visited.Add(deep.Reference))
                {
                    Add(found.Schema, found.Site, found.Site.NameHint, definition, positions, visited);
                }
                else if (deep.Target is null)
                {
                    translator.Diagnostics.Add(DiagnosticDescriptors.UnresolvedReference, site.Pointer + "/$ref", deep.Reference, site.Pointer);
                }
            }
            else if (SchemaFacts.ComponentKey(reference) is { } key && translator.TryGetComponent(key, out var target))
            {
                if (visited.Add(key))
                {
                    var componentSite = translator.ComponentSite(key);
                    Add(target, componentSite, componentSite.NameHint, definition, positions, visited);
                }
            }
            else
            {
                translator.Diagnostics.Add(DiagnosticDescriptors.UnresolvedReference, site.Pointer + "/$ref", SchemaFacts.RefText(reference), site.Pointer);
            }

            return;
        }

        if (schema.AllOf is { } parts)
        {
            for (var i = 0; i < parts.Count; i++)
            {
                if (parts[i] is { } part)
                {
                    var partSite = new SchemaSite(JsonPointer.Append(JsonPointer.Append(site.Pointer, "allOf"), i), owner, false, site.Component);
                    Add(part, partSite, owner, definition, positions, visited);
                }
            }
        }

        if (schema.Properties is { } properties)
        {
            foreach (var property in properties)
            {
                if (property.Value is null)
                {
                    continue;
                }

                var source = new PropertySource(
                    property.Key,
                    property.Value,
                    site.Child("properties", property.Key, owner + IdentifierRules.PascalCase(property.Key)));
                if (positions.TryGetValue(property.Key, out var position))
                {
                    // A later part refines the property (e.g. narrows `type`); it keeps its first position.
                    definition.Properties[position] = source;
                }
                else
                {
                    positions[property.Key] = definition.Properties.Count;
                    definition.Properties.Add(source);
                }
            }
        }

        if (schema.Required is { } required)
        {
            definition.Required.UnionWith(required);
        }

        if (schema.AdditionalProperties is { } additional)
        {
            definition.AdditionalProperties = new PropertySource(string.Empty, additional, site.Child("additionalProperties", owner + "Value"));
        }
    }

    private bool IsObjectLike(IOpenApiSchema part, HashSet<string> visiting)
    {
        if (part is OpenApiSchemaReference reference)
        {
            if (SchemaFacts.ComponentKey(reference) is not { } key || !translator.TryGetComponent(key, out var target))
            {
                return false;
            }

            // Decided from the component's own shape, not its translation: translating it here could loop back.
            return visiting.Add(key) && IsObjectLike(target, visiting);
        }

        if (part.AllOf is { Count: > 0 } parts)
        {
            foreach (var inner in parts)
            {
                if (inner is not null && !SchemaFacts.IsAnnotationOnly(inner) && !IsObjectLike(inner, visiting))
                {
                    return false;
                }
            }

            return true;
        }

        if (part.OneOf is { Count: > 0 } || part.AnyOf is { Count: > 0 })
        {
            // Only an exactly-one-of of required lists (ImageRefParam) keeps an object an object.
            return part.Properties is { Count: > 0 } && AllConstraintOnly(part.OneOf) && AllConstraintOnly(part.AnyOf);
        }

        var type = part.Type is { } flags ? flags & ~JsonSchemaType.Null : (JsonSchemaType?)null;
        return type == JsonSchemaType.Object
            || (type is null && (part.Properties is { Count: > 0 } || part.AdditionalProperties is not null || part.Required is { Count: > 0 }));
    }

    private static bool AllConstraintOnly(IList<IOpenApiSchema>? members)
    {
        if (members is null)
        {
            return true;
        }

        foreach (var member in members)
        {
            if (member is not null && !SchemaFacts.IsConstraintOnly(member) && !SchemaFacts.IsNullOnly(member))
            {
                return false;
            }
        }

        return true;
    }

    private void CollectNames(IOpenApiSchema? schema, HashSet<string> names, HashSet<string> visited)
    {
        if (schema is null)
        {
            return;
        }

        if (schema is OpenApiSchemaReference reference)
        {
            if (SchemaFacts.ComponentKey(reference) is { } key && visited.Add(key) && translator.TryGetComponent(key, out var target))
            {
                CollectNames(target, names, visited);
            }

            return;
        }

        foreach (var part in schema.AllOf ?? Array.Empty<IOpenApiSchema>())
        {
            CollectNames(part, names, visited);
        }

        if (schema.Properties is { } properties)
        {
            names.UnionWith(properties.Keys);
        }
    }
}
