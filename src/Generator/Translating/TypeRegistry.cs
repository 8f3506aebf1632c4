using System;
using System.Collections.Generic;
using Tether.Generator.Diagnostics;
using Tether.Generator.Model;
using Tether.Generator.Reading;

namespace Tether.Generator.Translating;

/// <summary>
/// Every type the client will have: the names handed out (unique across the client), the finished
/// <see cref="TypeModel"/>s, and the work still pending (objects whose properties are not translated yet, unions
/// whose variant facts are not computed yet).
/// </summary>
internal sealed class TypeRegistry(DiagnosticBag diagnostics)
{
    private readonly NameScope _names = new();
    private readonly Dictionary<string, string> _componentNames = new(StringComparer.Ordinal);
    private readonly Queue<ObjectDefinition> _pendingObjects = new();
    private readonly List<TypeModel> _types = new();
    private readonly Dictionary<string, EnumInfo> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ObjectFacts> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UnionDefinition> _unions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _claimedAt = new(StringComparer.Ordinal);

    public IReadOnlyList<TypeModel> Types => _types;

    public IReadOnlyDictionary<string, UnionDefinition> Unions => _unions;

    /// <summary>Reserves the names of all component schemas (in ordinal key order) before anything else is named.</summary>
    public void ReserveComponentNames(IEnumerable<string> sortedKeys)
    {
        foreach (var key in sortedKeys)
        {
            var candidate = IdentifierRules.TypeName(key);
            var name = _names.Claim(candidate, out var renamed);
            if (renamed)
            {
                diagnostics.Add(DiagnosticDescriptors.DuplicateName, SchemaFacts.ComponentSchemaPrefix + JsonPointer.Escape(key), candidate, SchemaFacts.ComponentSchemaPrefix + key, name);
            }

            _componentNames[key] = name;
        }
    }

    public string ComponentName(string key)
        => _componentNames.TryGetValue(key, out var name) ? name : IdentifierRules.TypeName(key);

    /// <summary>The final name for a type made at <paramref name="site"/>: the component's reserved name, or a new unique one.</summary>
    public string ClaimName(SchemaSite site)
    {
        if (site.IsFinalName)
        {
            _claimedAt[site.NameHint] = site.Pointer;
            return site.NameHint;
        }

        var candidate = IdentifierRules.TypeName(site.NameHint);
        var name = _names.Claim(candidate, out var renamed);
        if (renamed)
        {
            diagnostics.Add(DiagnosticDescriptors.DuplicateName, site.Pointer, candidate, site.Pointer, name);
        }

        _claimedAt[name] = site.Pointer;
        return name;
    }

    /// <summary>Whether the type <paramref name="name"/> was made from the schema at <paramref name="pointer"/> or inside it.</summary>
    public bool WasMadeWithin(string name, string pointer)
        => _claimedAt.TryGetValue(name, out var at)
            && (at == pointer || at.StartsWith(pointer + "/", StringComparison.Ordinal));

    public void AddEnum(EnumTypeModel model, IReadOnlyList<string> values, bool closed)
    {
        _types.Add(model);
        _enums[model.Name] = new EnumInfo(values, closed);
    }

    public bool TryGetEnum(string name, out IReadOnlyList<string> values, out bool closed)
    {
        if (_enums.TryGetValue(name, out var info))
        {
            values = info.Values;
            closed = info.Closed;
            return true;
        }

        values = Array.Empty<string>();
        closed = false;
        return false;
    }

    public void QueueObject(ObjectDefinition definition) => _pendingObjects.Enqueue(definition);

    public bool TryDequeueObject(out ObjectDefinition definition)
    {
        if (_pendingObjects.Count > 0)
        {
            definition = _pendingObjects.Dequeue();
            return true;
        }

        definition = null!;
        return false;
    }

    public void AddObject(ObjectTypeModel model, ObjectFacts facts)
    {
        _types.Add(model);
        _objects[model.Name] = facts;
    }

    public ObjectFacts? FindObject(string name) => _objects.TryGetValue(name, out var facts) ? facts : null;

    public void AddUnionDefinition(UnionDefinition definition) => _unions[definition.Name] = definition;

    public void AddUnion(UnionTypeModel model) => _types.Add(model);

    private sealed record EnumInfo(IReadOnlyList<string> Values, bool Closed);
}

/// <summary>What union analysis needs to know about a translated object: its fixed-value properties and required names.</summary>
internal sealed class ObjectFacts
{
    public List<ConstPropertyModel> ConstProperties { get; } = new();

    public List<string> Required { get; } = new();

    public HashSet<string> PropertyNames { get; } = new(StringComparer.Ordinal);
}
