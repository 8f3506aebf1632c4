using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.OpenApi;
using Tether.Generator.Diagnostics;
using Tether.Generator.Model;
using Tether.Generator.Reading;
using JsonPointer = Tether.Generator.Reading.JsonPointer;

namespace Tether.Generator.Translating;

/// <summary>
/// Schema → <see cref="TypeUse"/>. Settles what every schema is (a built-in type, a list, a map, or a named
/// object/enum/union, possibly nullable) and names the types it needs; object properties are translated later by
/// <see cref="ObjectBuilder"/> from the queued <see cref="ObjectDefinition"/>s. Each schema object is translated
/// once (cached by identity), each component once (cached by key), so the work is linear in the spec's size.
/// </summary>
internal sealed class SchemaTranslator
{
    private readonly IDictionary<string, IOpenApiSchema> _components;
    private readonly Dictionary<IOpenApiSchema, string> _componentKeys = new(ReferenceComparer.Instance);
    private readonly Dictionary<IOpenApiSchema, TypeUse> _translated = new(ReferenceComparer.Instance);
    private readonly Dictionary<string, ComponentState> _componentStates = new(StringComparer.Ordinal);
    private readonly DroppedKeywords _dropped;
    private readonly DeepReferenceResolver _deep;
    private readonly AllOfMerger _allOf;
    private readonly UnionAnalyzer _unions;

    public SchemaTranslator(
        IDictionary<string, IOpenApiSchema>? components, TypeRegistry types, DiagnosticBag diagnostics,
        DroppedKeywords dropped, DeepReferenceResolver deep, CancellationToken cancellationToken)
    {
        _components = components ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var pair in _components)
        {
            if (pair.Value is not null && !_componentKeys.ContainsKey(pair.Value))
            {
                _componentKeys[pair.Value] = pair.Key;
            }
        }

        Types = types;
        Diagnostics = diagnostics;
        CancellationToken = cancellationToken;
        _dropped = dropped;
        _deep = deep;
        _allOf = new AllOfMerger(this);
        _unions = new UnionAnalyzer(this);
    }

    public TypeRegistry Types { get; }

    public DiagnosticBag Diagnostics { get; }

    public CancellationToken CancellationToken { get; }

    public IEnumerable<string> ComponentKeys => _components.Keys;

    public static string ComponentPointer(string key) => SchemaFacts.ComponentSchemaPrefix + JsonPointer.Escape(key);

    public SchemaSite ComponentSite(string key) => new(ComponentPointer(key), Types.ComponentName(key), true, key);

    public bool TryGetComponent(string key, out IOpenApiSchema schema) => _components.TryGetValue(key, out schema!) && schema is not null;

    /// <summary>
    /// Nullability written on the schema at <paramref name="pointer"/>, including the 3.0 <c>nullable: true</c>
    /// that OpenAPI.NET drops next to <c>$ref</c>/<c>oneOf</c>/<c>allOf</c> (found in the text instead).
    /// </summary>
    public bool IsNullable(IOpenApiSchema schema, string pointer)
        => SchemaFacts.DeclaresNullable(schema) || (_dropped.Nullable.Count > 0 && _dropped.Nullable.Contains(pointer));

    /// <summary>The <c>$recursiveRef</c> of the schema at <paramref name="pointer"/>, also where a 3.0 reader dropped it.</summary>
    public string? RecursiveRef(IOpenApiSchema schema, string pointer)
        => SchemaFacts.RecursiveRef(schema) ?? (_dropped.RecursiveRefs.TryGetValue(pointer, out var target) ? target : null);

    /// <summary><see cref="SchemaFacts.IsConstraintOnly"/>, except for a recursion the reader dropped.</summary>
    public bool IsConstraintOnly(IOpenApiSchema schema, string pointer)
        => SchemaFacts.IsConstraintOnly(schema) && !_dropped.RecursiveRefs.ContainsKey(pointer);

    public TypeUse Resolve(IOpenApiSchema? schema, SchemaSite site)
    {
        if (schema is null)
        {
            return TypeUse.Any;
        }

        if (schema is OpenApiSchemaReference reference)
        {
            return ResolveReference(reference, site);
        }

        if (_componentKeys.TryGetValue(schema, out var key))
        {
            return ResolveComponent(key).OrNullable(IsNullable(schema, site.Pointer));
        }

        if (_translated.TryGetValue(schema, out var known))
        {
            return known;
        }

        var use = Translate(schema, site);
        _translated[schema] = use;
        return use;
    }

    /// <summary>The meaning of a component schema, translated on first use under its reserved name.</summary>
    public TypeUse ResolveComponent(string key)
    {
        if (!_componentStates.TryGetValue(key, out var state))
        {
            state = new ComponentState();
            _componentStates[key] = state;
        }

        if (state.Use is { } done)
        {
            return done;
        }

        if (state.InProgress)
        {
            // Only a chain of non-object wrappers can lead back here (objects translate their properties later).
            // An object is certain to keep its reserved name; anything else is safely JSON for this inner use.
            return LooksLikeObject(_components[key])
                ? new TypeUse(TypeRef.Named(Types.ComponentName(key), NamedTypeKind.Object), false)
                : TypeUse.Any;
        }

        CancellationToken.ThrowIfCancellationRequested();
        state.InProgress = true;
        var schema = _components[key];
        var use = schema is null ? TypeUse.Any : Translate(schema, ComponentSite(key));
        state.Use = use;
        state.InProgress = false;
        return use;
    }

    /// <summary>The translation proper, for a schema that is not a <c>$ref</c>.</summary>
    private TypeUse Translate(IOpenApiSchema schema, SchemaSite site)
    {
        var nullable = IsNullable(schema, site.Pointer);

        if (RecursiveRef(schema, site.Pointer) is { } recursiveRef)
        {
            return ResolveRecursion("$recursiveRef", recursiveRef, site).OrNullable(nullable);
        }

        if (schema.DynamicRef is { } dynamicRef)
        {
            return ResolveRecursion("$dynamicRef", dynamicRef, site).OrNullable(nullable);
        }

        if (schema.AllOf is { Count: > 0 })
        {
            return _allOf.Resolve(schema, site).OrNullable(nullable);
        }

        var members = new List<UnionMember>();
        AddMembers(schema.OneOf, "oneOf", site, members);
        AddMembers(schema.AnyOf, "anyOf", site, members);
        if (members.Count > 0)
        {
            var real = new List<UnionMember>(members.Count);
            foreach (var member in members)
            {
                if (SchemaFacts.IsNullOnly(member.Schema))
                {
                    nullable = true;
                }
                else if (!IsConstraintOnly(member.Schema, member.Pointer))
                {
                    real.Add(member);
                }
            }

            if (real.Count > 0)
            {
                if (schema.Properties is not { Count: > 0 })
                {
                    return _unions.Resolve(schema, real, site).OrNullable(nullable);
                }

                // The object its properties describe; what an alternative adds is merged in as optional members.
                var definition = _allOf.CollectWithAlternatives(schema, site, Types.ClaimName(site), real);
                return new TypeUse(AddObject(definition), nullable);
            }
        }

        return TranslateShape(schema, site, nullable);
    }

    /// <summary>A schema without composition keywords: enum, type list, object, map, array or built-in.</summary>
    public TypeUse TranslateShape(IOpenApiSchema schema, SchemaSite site, bool nullable)
    {
        var values = SchemaFacts.EnumStrings(schema, out var enumHasNull);
        nullable |= enumHasNull;
        var type = schema.Type is { } flags ? flags & ~JsonSchemaType.Null : (JsonSchemaType?)null;
        if (type == 0)
        {
            // `type: "null"` alone (or with only annotations): any JSON, and null is fine.
            return new TypeUse(TypeRef.Any, true);
        }

        if (values is { Count: > 0 })
        {
            var valueKind = SchemaFacts.EnumValueKind(schema);
            if (type == JsonSchemaType.String || (type is null && valueKind == System.Text.Json.JsonValueKind.String))
            {
                return values.Count == 1
                    ? new TypeUse(TypeRef.String, nullable, values)
                    : new TypeUse(AddEnum(schema, site, values, closed: true), nullable, values);
            }

            if (type is null)
            {
                type = valueKind switch
                {
                    System.Text.Json.JsonValueKind.Number => values.All(v => v.IndexOfAny(new[] { '.', 'e', 'E' }) < 0) ? JsonSchemaType.Integer : JsonSchemaType.Number,
                    System.Text.Json.JsonValueKind.True => JsonSchemaType.Boolean,
                    _ => null,
                };
            }
        }

        if (type is { } declared && CountTypes(declared) > 1)
        {
            return _unions.ResolveTypeList(schema, declared, site).OrNullable(nullable);
        }

        type ??= InferType(schema);
        return type switch
        {
            JsonSchemaType.Object => TranslateObject(schema, site, nullable),
            JsonSchemaType.Array => TranslateArray(schema, site, nullable),
            JsonSchemaType.String => new TypeUse(StringType(schema.Format), nullable),
            JsonSchemaType.Integer => new TypeUse(IntegerType(schema.Format), nullable),
            JsonSchemaType.Number => new TypeUse(NumberType(schema.Format), nullable),
            JsonSchemaType.Boolean => new TypeUse(TypeRef.Boolean, nullable),
            _ => new TypeUse(TypeRef.Any, nullable),
        };
    }

    /// <summary>Queues an object type for <paramref name="definition"/>'s properties and returns its reference.</summary>
    public TypeRef AddObject(ObjectDefinition definition)
    {
        Types.QueueObject(definition);
        return TypeRef.Named(definition.Name, NamedTypeKind.Object);
    }

    /// <summary>Creates a string enum type at <paramref name="site"/>.</summary>
    public TypeRef AddEnum(IOpenApiSchema? schema, SchemaSite site, IReadOnlyList<string> values, bool closed)
    {
        var name = Types.ClaimName(site);
        var members = new List<EnumMemberModel>(values.Count);
        var scope = new NameScope(IdentifierRules.ReservedMemberNames);
        scope.Claim(name);
        foreach (var value in values)
        {
            var candidate = IdentifierRules.EnumMemberName(value);
            var memberName = scope.Claim(candidate, out var renamed);
            if (renamed)
            {
                Diagnostics.Add(DiagnosticDescriptors.DuplicateName, site.Pointer, name + "." + candidate, site.Pointer + " (value '" + value + "')", name + "." + memberName);
            }

            members.Add(new EnumMemberModel(memberName, value));
        }

        var model = new EnumTypeModel(name, site.Pointer, schema?.Description ?? site.Description, schema?.Deprecated ?? false, members.ToEquatableArray());
        Types.AddEnum(model, values, closed);
        return TypeRef.Named(name, NamedTypeKind.Enum);
    }

    private TypeUse TranslateObject(IOpenApiSchema schema, SchemaSite site, bool nullable)
    {
        var hasProperties = schema.Properties is { Count: > 0 };
        var closedEmpty = !hasProperties && schema.AdditionalProperties is null && !schema.AdditionalPropertiesAllowed;
        if (hasProperties || closedEmpty)
        {
            return new TypeUse(AddObject(_allOf.Collect(schema, site, Types.ClaimName(site))), nullable);
        }

        if (schema.AdditionalProperties is { } values)
        {
            var value = Resolve(values, site.Child("additionalProperties", site.NameHint + "Value"));
            return new TypeUse(TypeRef.MapOf(value.Type, value.Nullable), nullable);
        }

        return new TypeUse(TypeRef.MapOf(TypeRef.Any), nullable);
    }

    private TypeUse TranslateArray(IOpenApiSchema schema, SchemaSite site, bool nullable)
    {
        if (schema.Items is not { } items)
        {
            return new TypeUse(TypeRef.ArrayOf(TypeRef.Any), nullable);
        }

        var element = Resolve(items, site.Child("items", site.NameHint + "Item"));
        return new TypeUse(TypeRef.ArrayOf(element.Type, element.Nullable), nullable);
    }

    /// <summary>
    /// The target of a deep <c>$ref</c> written at <paramref name="pointer"/> (see <see cref="DeepReferenceResolver"/>):
    /// found, or the pointer as written when it leads nowhere, or null when the $ref there is not a deep one.
    /// </summary>
    public (string Reference, (IOpenApiSchema Schema, SchemaSite Site)? Target)? DeepTarget(string pointer, OpenApiSchemaReference reference)
    {
        if (_dropped.DeepReferences.TryGetValue(pointer, out var written))
        {
            return (written, _deep.Resolve(written));
        }

        return null;
    }

    private TypeUse ResolveReference(OpenApiSchemaReference reference, SchemaSite site)
    {
        var nullable = IsNullable(reference, site.Pointer);
        if (DeepTarget(site.Pointer, reference) is { } deep)
        {
            // Checked first: the reader cut the pointer to its last segment, which may name an unrelated component.
            if (deep.Target is { } found)
            {
                return Resolve(found.Schema, found.Site).OrNullable(nullable);
            }

            Diagnostics.Add(DiagnosticDescriptors.UnresolvedReference, site.Pointer + "/$ref", deep.Reference, site.Pointer);
            return TypeUse.Any.OrNullable(nullable);
        }

        if (SchemaFacts.ComponentKey(reference) is { } key && _components.ContainsKey(key))
        {
            return ResolveComponent(key).OrNullable(nullable);
        }

        IOpenApiSchema? target = null;
        if (reference.Reference is { IsExternal: false })
        {
            try
            {
                target = reference.Target;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // OpenAPI.NET resolves lazily and may throw on a malformed pointer: that is just "unresolved".
                target = null;
            }
        }

        if (target is not null)
        {
            // A pointer into a component (e.g. one of its properties): translated where it is used.
            var pointer = reference.Reference?.ReferenceV3 ?? site.Pointer;
            return Resolve(target, site with { Pointer = pointer }).OrNullable(nullable);
        }

        Diagnostics.Add(DiagnosticDescriptors.UnresolvedReference, site.Pointer + "/$ref", SchemaFacts.RefText(reference), site.Pointer);
        return TypeUse.Any.OrNullable(nullable);
    }

    private TypeUse ResolveRecursion(string keyword, string target, SchemaSite site)
    {
        // `$recursiveRef: "#"` (2019-09) points back to the outermost schema with `$recursiveAnchor: true` in the
        // dynamic scope; in a spec that is the component being defined. `$dynamicRef: "#name"` (2020-12) points to
        // the component declaring `$dynamicAnchor: name`.
        string? key = null;
        if (keyword == "$recursiveRef" && target == "#")
        {
            key = site.Component;
        }
        else if (target.StartsWith("#", StringComparison.Ordinal) && target.Length > 1 && target[1] != '/')
        {
            var anchor = target.Substring(1);
            if (site.Component is { } enclosing && _components[enclosing]?.DynamicAnchor == anchor)
            {
                key = enclosing;
            }
            else
            {
                key = _components.Where(pair => pair.Value?.DynamicAnchor == anchor).Select(pair => pair.Key).OrderBy(k => k, StringComparer.Ordinal).FirstOrDefault();
            }
        }

        if (key is not null && _components.ContainsKey(key))
        {
            return ResolveComponent(key);
        }

        Diagnostics.Add(DiagnosticDescriptors.UnsupportedConstruct, site.Pointer, keyword + " '" + target + "'", site.Pointer, "JsonElement");
        return TypeUse.Any;
    }

    private static void AddMembers(IList<IOpenApiSchema>? schemas, string keyword, SchemaSite site, List<UnionMember> members)
    {
        if (schemas is null)
        {
            return;
        }

        for (var i = 0; i < schemas.Count; i++)
        {
            if (schemas[i] is { } member)
            {
                members.Add(new UnionMember(member, JsonPointer.Append(JsonPointer.Append(site.Pointer, keyword), i), i));
            }
        }
    }

    private static bool LooksLikeObject(IOpenApiSchema? schema)
        => schema is not null && schema is not OpenApiSchemaReference && schema.Properties is { Count: > 0 }
            && (schema.Type is null || (schema.Type & ~JsonSchemaType.Null) == JsonSchemaType.Object)
            && schema.Enum is not { Count: > 0 } && schema.Const is null
            && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 } && schema.AllOf is not { Count: > 0 }
            && SchemaFacts.RecursiveRef(schema) is null && schema.DynamicRef is null;

    private static JsonSchemaType? InferType(IOpenApiSchema schema)
    {
        if (schema.Properties is { Count: > 0 } || schema.AdditionalProperties is not null)
        {
            return JsonSchemaType.Object;
        }

        return schema.Items is not null ? JsonSchemaType.Array : null;
    }

    private static int CountTypes(JsonSchemaType type)
    {
        var count = 0;
        for (var bits = (int)type; bits != 0; bits &= bits - 1)
        {
            count++;
        }

        return count;
    }

    private static TypeRef StringType(string? format) => format switch
    {
        "binary" => TypeRef.Binary,
        "date" => TypeRef.Date,
        _ => TypeRef.String,
    };

    // An integer without a format is 64-bit: OpenAI's byte counts (Upload.bytes, usage_bytes) pass 2^31, and a
    // response that fails to deserialize loses the whole object. Only an explicit `format: int32` gives `int`.
    private static TypeRef IntegerType(string? format) => format switch
    {
        "unixtime" => TypeRef.UnixTime,
        "int32" => TypeRef.Int32,
        _ => TypeRef.Int64,
    };

    private static TypeRef NumberType(string? format) => format switch
    {
        "float" => TypeRef.Single,
        "unixtime" => TypeRef.UnixTime,
        _ => TypeRef.Double,
    };

    private sealed class ComponentState
    {
        public bool InProgress { get; set; }

        public TypeUse? Use { get; set; }
    }
}

/// <summary>One member of a oneOf/anyOf with its pointer and position.</summary>
internal readonly record struct UnionMember(IOpenApiSchema Schema, string Pointer, int Index);
