using System;
using System.Collections.Generic;
using Microsoft.OpenApi;
using Tether.Generator.Diagnostics;
using Tether.Generator.Model;
using Tether.Generator.Reading;
using JsonPointer = Tether.Generator.Reading.JsonPointer;

namespace Tether.Generator.Translating;

/// <summary>
/// oneOf/anyOf → a type. Null members make the result nullable (<c>anyOf[T, null]</c> is a nullable T, not a
/// union); members that are all strings are one string enum (the "open enum" <c>anyOf[string, enum]</c>); the
/// rest become a union whose variants differ in C# type and can be told apart on the wire: members of the same
/// JSON kind collapse where C# could not tell them apart (two integers → the wider), nested unions written inline
/// are flattened, and a union left with one variant is just that variant.
/// </summary>
internal sealed class UnionAnalyzer(SchemaTranslator translator)
{
    public TypeUse Resolve(IOpenApiSchema schema, List<UnionMember> members, SchemaSite site)
    {
        var nullable = false;
        var discriminator = schema.Discriminator;
        var flat = new List<UnionMember>(members.Count);
        Flatten(members, flat, ref nullable, ref discriminator);
        if (flat.Count == 0)
        {
            return new TypeUse(TypeRef.Any, nullable);
        }

        if (flat.Count == 1)
        {
            return translator.Resolve(flat[0].Schema, site.PassThrough(flat[0].Pointer, schema.Description)).OrNullable(nullable);
        }

        var strings = new List<UnionMember>();
        var others = new List<UnionMember>();
        foreach (var member in flat)
        {
            (IsStringLike(member) ? strings : others).Add(member);
        }

        if (others.Count == 0)
        {
            return StringMembers(strings, site with { Description = schema.Description ?? site.Description }).OrNullable(nullable);
        }

        var variants = new List<Draft>();
        if (strings.Count > 1)
        {
            var merged = StringMembers(strings, site.Child("anyOf", site.NameHint + "String"));
            nullable |= merged.Nullable;
            variants.Add(new Draft(merged.Type.Kind == TypeRefKind.Named ? "String" : VariantLabel(merged), merged.Type, JsonValueKind.String, null));
        }
        else if (strings.Count == 1)
        {
            others.Insert(0, strings[0]);
        }

        others.Sort((a, b) => a.Index.CompareTo(b.Index));
        foreach (var member in others)
        {
            var label = MemberLabel(member, discriminator?.PropertyName);
            var use = translator.Resolve(member.Schema, new SchemaSite(member.Pointer, site.NameHint + label, false, site.Component));
            nullable |= use.Nullable;
            var componentKey = member.Schema is OpenApiSchemaReference reference ? SchemaFacts.ComponentKey(reference) : null;
            var madeHere = componentKey is null && use.Type.Kind == TypeRefKind.Named && translator.Types.WasMadeWithin(use.Type.Name!, member.Pointer);
            AddVariant(variants, use, madeHere ? label : VariantLabel(use), componentKey);
        }

        var distinct = Deduplicate(variants);
        if (distinct.Count == 0)
        {
            return new TypeUse(TypeRef.Any, nullable);
        }

        if (distinct.Count == 1)
        {
            return new TypeUse(distinct[0].Type, nullable, distinct[0].ClosedValues);
        }

        var name = translator.Types.ClaimName(site);
        var scope = new NameScope();
        scope.Claim(name);
        var drafts = new List<VariantDraft>(distinct.Count);
        foreach (var variant in distinct)
        {
            var candidate = IdentifierRules.TypeName(variant.Label);
            var variantName = scope.Claim(candidate, out var renamed);
            if (renamed)
            {
                translator.Diagnostics.Add(DiagnosticDescriptors.DuplicateName, site.Pointer, name + "." + candidate, site.Pointer, name + "." + variantName);
            }

            drafts.Add(new VariantDraft(variantName, variant.Type, variant.Kind, variant.ComponentKey));
        }

        var mapping = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (discriminator?.Mapping is { } explicitMapping)
        {
            foreach (var entry in explicitMapping)
            {
                if (entry.Value is { } target && SchemaFacts.ComponentKey(target) is { } key)
                {
                    if (!mapping.TryGetValue(key, out var values))
                    {
                        mapping[key] = values = new List<string>();
                    }

                    values.Add(entry.Key);
                }
            }
        }

        translator.Types.AddUnionDefinition(new UnionDefinition(
            name, site.Pointer, schema.Description ?? site.Description, schema.Deprecated,
            string.IsNullOrEmpty(discriminator?.PropertyName) ? null : discriminator!.PropertyName, mapping, drafts));
        return new TypeUse(TypeRef.Named(name, NamedTypeKind.Union), nullable);
    }

    /// <summary><c>type: [string, integer]</c> → a union of one variant per listed type.</summary>
    public TypeUse ResolveTypeList(IOpenApiSchema schema, JsonSchemaType types, SchemaSite site)
    {
        var members = new List<UnionMember>();
        var index = 0;
        foreach (var single in new[] { JsonSchemaType.Object, JsonSchemaType.Array, JsonSchemaType.String, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.Boolean })
        {
            if ((types & single) == 0)
            {
                continue;
            }

            if (schema.CreateShallowCopy() is OpenApiSchema copy)
            {
                copy.Type = single;
                members.Add(new UnionMember(copy, site.Pointer, index++));
            }
        }

        return members.Count == 0 ? TypeUse.Any : Resolve(schema, members, site);
    }

    /// <summary>Inline unions directly inside a union are the same choice written twice: their members join this one.</summary>
    private void Flatten(List<UnionMember> members, List<UnionMember> flat, ref bool nullable, ref OpenApiDiscriminator? discriminator)
    {
        foreach (var member in members)
        {
            var schema = member.Schema;
            if (SchemaFacts.IsNullOnly(schema))
            {
                nullable = true;
                continue;
            }

            if (translator.IsConstraintOnly(schema, member.Pointer))
            {
                continue;
            }

            if (schema is not OpenApiSchemaReference
                && schema.AllOf is not { Count: > 0 }
                && schema.Properties is not { Count: > 0 }
                && (schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 })
                && SchemaFacts.EnumStrings(schema, out _) is null)
            {
                nullable |= translator.IsNullable(schema, member.Pointer);
                discriminator ??= schema.Discriminator;
                var nested = new List<UnionMember>();
                AddNested(schema.OneOf, "oneOf", member.Pointer, nested);
                AddNested(schema.AnyOf, "anyOf", member.Pointer, nested);
                Flatten(nested, flat, ref nullable, ref discriminator);
                continue;
            }

            flat.Add(new UnionMember(schema, member.Pointer, flat.Count));
        }
    }

    private static void AddNested(IList<IOpenApiSchema>? schemas, string keyword, string pointer, List<UnionMember> nested)
    {
        for (var i = 0; schemas is not null && i < schemas.Count; i++)
        {
            if (schemas[i] is { } schema)
            {
                nested.Add(new UnionMember(schema, JsonPointer.Append(JsonPointer.Append(pointer, keyword), i), i));
            }
        }
    }

    /// <summary>Whether a member only ever holds a JSON string (plain, enum, const, or a component that is one).</summary>
    private bool IsStringLike(UnionMember candidate)
    {
        var member = candidate.Schema;
        if (member is OpenApiSchemaReference reference)
        {
            if (SchemaFacts.ComponentKey(reference) is not { } key || !translator.TryGetComponent(key, out _))
            {
                return false;
            }

            var type = translator.ResolveComponent(key).Type;
            return type.Kind is TypeRefKind.String or TypeRefKind.Date
                || (type.Kind == TypeRefKind.Named && type.NamedKind == NamedTypeKind.Enum);
        }

        if (SchemaFacts.HasShape(member) || translator.RecursiveRef(member, candidate.Pointer) is not null || member.DynamicRef is not null)
        {
            return false;
        }

        var flags = member.Type is { } declared ? declared & ~JsonSchemaType.Null : (JsonSchemaType?)null;
        if (flags == JsonSchemaType.String)
        {
            return member.Format != "binary";
        }

        return flags is null && SchemaFacts.EnumValueKind(member) == System.Text.Json.JsonValueKind.String;
    }

    /// <summary>String members → one string type: the known values of all of them, open if any accepts any string.</summary>
    private TypeUse StringMembers(List<UnionMember> members, SchemaSite site)
    {
        var nullable = false;
        var open = false;
        var values = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        TypeRef? onlyNamedEnum = null;
        var namedEnums = 0;
        var inlineValues = false;
        foreach (var member in members)
        {
            if (member.Schema is OpenApiSchemaReference)
            {
                var use = translator.Resolve(member.Schema, new SchemaSite(member.Pointer, site.NameHint, false, site.Component));
                nullable |= use.Nullable;
                if (use.Type.Kind == TypeRefKind.Named && translator.Types.TryGetEnum(use.Type.Name!, out var enumValues, out var closed))
                {
                    namedEnums++;
                    onlyNamedEnum = use.Type;
                    open |= !closed;
                    AddRange(values, seen, enumValues);
                }
                else if (use.ClosedValues is { } fixedValues)
                {
                    inlineValues = true;
                    AddRange(values, seen, fixedValues);
                }
                else
                {
                    open = true;
                }

                continue;
            }

            nullable |= translator.IsNullable(member.Schema, member.Pointer);
            var memberValues = SchemaFacts.EnumStrings(member.Schema, out var hasNull);
            nullable |= hasNull;
            if (memberValues is { Count: > 0 })
            {
                inlineValues = true;
                AddRange(values, seen, memberValues);
            }
            else
            {
                open = true;
            }
        }

        if (values.Count == 0)
        {
            return new TypeUse(TypeRef.String, nullable);
        }

        // `anyOf[string, $ref SomeEnum]`: the enum type already accepts any string, so it is the answer as is.
        if (open && namedEnums == 1 && !inlineValues && onlyNamedEnum is not null)
        {
            return new TypeUse(onlyNamedEnum, nullable);
        }

        if (!open && values.Count == 1)
        {
            return new TypeUse(TypeRef.String, nullable, values);
        }

        var type = translator.AddEnum(null, site, values, closed: !open);
        return new TypeUse(type, nullable, open ? null : values);
    }

    private static void AddRange(List<string> values, HashSet<string> seen, IReadOnlyList<string> more)
    {
        foreach (var value in more)
        {
            if (seen.Add(value))
            {
                values.Add(value);
            }
        }
    }

    private void AddVariant(List<Draft> variants, TypeUse use, string label, string? componentKey)
    {
        var type = use.Type;
        if (type.Kind == TypeRefKind.Named && type.NamedKind == NamedTypeKind.Union
            && translator.Types.Unions.TryGetValue(type.Name!, out var inner) && KindOf(type) is null)
        {
            // A named union of mixed JSON kinds cannot be one variant (variants are chosen by token kind first):
            // its variants become this union's.
            foreach (var variant in inner.Variants)
            {
                variants.Add(new Draft(variant.Name, variant.Type, variant.Kind, variant.ComponentKey));
            }

            return;
        }

        if (KindOf(type) is { } kind)
        {
            variants.Add(new Draft(label, type, kind, componentKey) { ClosedValues = use.ClosedValues });
        }
    }

    /// <summary>Keeps one variant per C# type, and one per JSON kind where the reader could not choose between them.</summary>
    private static List<Draft> Deduplicate(List<Draft> variants)
    {
        var result = new List<Draft>(variants.Count);
        foreach (var variant in variants)
        {
            var replaced = false;
            for (var i = 0; i < result.Count; i++)
            {
                var existing = result[i];
                if (existing.Type.Equals(variant.Type) || (SameCSharpType(existing.Type, variant.Type) && existing.Kind == variant.Kind))
                {
                    replaced = true;
                    break;
                }

                if (existing.Kind == variant.Kind && variant.Kind is JsonValueKind.Integer or JsonValueKind.Number or JsonValueKind.Boolean or JsonValueKind.String)
                {
                    if (Width(variant.Type) > Width(existing.Type))
                    {
                        result[i] = variant;
                    }

                    replaced = true;
                    break;
                }
            }

            if (!replaced)
            {
                result.Add(variant);
            }
        }

        return result;
    }

    private static bool SameCSharpType(TypeRef a, TypeRef b)
        => (a.Kind is TypeRefKind.String or TypeRefKind.Date) && (b.Kind is TypeRefKind.String or TypeRefKind.Date);

    private static int Width(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Int64 => 3,
        TypeRefKind.UnixTime => 2,
        TypeRefKind.Double => 2,
        _ => 1,
    };

    /// <summary>The JSON token kind a value of <paramref name="type"/> starts with; null for "anything" or a mix.</summary>
    private JsonValueKind? KindOf(TypeRef type)
    {
        switch (type.Kind)
        {
            case TypeRefKind.String or TypeRefKind.Date or TypeRefKind.Binary:
                return JsonValueKind.String;
            case TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.UnixTime:
                return JsonValueKind.Integer;
            case TypeRefKind.Double or TypeRefKind.Single:
                return JsonValueKind.Number;
            case TypeRefKind.Boolean:
                return JsonValueKind.Boolean;
            case TypeRefKind.Array:
                return JsonValueKind.Array;
            case TypeRefKind.Map:
                return JsonValueKind.Object;
            case TypeRefKind.Named when type.NamedKind == NamedTypeKind.Enum:
                return JsonValueKind.String;
            case TypeRefKind.Named when type.NamedKind == NamedTypeKind.Object:
                return JsonValueKind.Object;
            case TypeRefKind.Named when type.NamedKind == NamedTypeKind.Union:
                if (!translator.Types.Unions.TryGetValue(type.Name!, out var union))
                {
                    // Still being analyzed (recursion through a union): only objects can get here.
                    return JsonValueKind.Object;
                }

                JsonValueKind? common = null;
                foreach (var variant in union.Variants)
                {
                    if (common is not null && common != variant.Kind)
                    {
                        return null;
                    }

                    common = variant.Kind;
                }

                return common;
            default:
                return null;
        }
    }

    /// <summary>The name an inline member's type gets after its owner: title, else its fixed `type`-like value, else its position.</summary>
    private static string MemberLabel(UnionMember member, string? discriminator)
    {
        var schema = member.Schema;
        if (schema is OpenApiSchemaReference)
        {
            return "Variant" + (member.Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (IdentifierRules.PascalCase(schema.Title) is { Length: > 0 } title)
        {
            return title;
        }

        if (schema.Properties is { } properties)
        {
            foreach (var name in new[] { discriminator, "type", "event", "object" })
            {
                if (name is not null && properties.TryGetValue(name, out var property) && property is not null
                    && SchemaFacts.EnumStrings(property, out _) is { Count: 1 } values
                    && IdentifierRules.PascalCase(values[0]) is { Length: > 0 } label)
                {
                    return label;
                }
            }
        }

        if (SchemaFacts.EnumStrings(schema, out _) is { Count: 1 } constant && IdentifierRules.PascalCase(constant[0]) is { Length: > 0 } constantLabel)
        {
            return constantLabel;
        }

        return "Variant" + (member.Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A variant's accessor name from its type: the type's name, or the built-in's (String, Int32List…).</summary>
    private static string VariantLabel(TypeUse use)
    {
        if (use.ConstValue is { } constant && IdentifierRules.PascalCase(constant) is { Length: > 0 } constantLabel)
        {
            return constantLabel;
        }

        return TypeLabel(use.Type);
    }

    private static string TypeLabel(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Named => type.Name!,
        TypeRefKind.Array => TypeLabel(type.Element ?? TypeRef.Any) + "List",
        TypeRefKind.Map => TypeLabel(type.Element ?? TypeRef.Any) + "Map",
        TypeRefKind.Any => "Json",
        _ => type.Kind.ToString(),
    };

    private sealed record Draft(string Label, TypeRef Type, JsonValueKind Kind, string? ComponentKey)
    {
        public IReadOnlyList<string>? ClosedValues { get; init; }
    }
}
