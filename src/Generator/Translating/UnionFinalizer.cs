using System;
using System.Collections.Generic;
using System.Linq;
using Tether.Generator.Model;
using Tether.Generator.Reading;

namespace Tether.Generator.Translating;

/// <summary>
/// Gives every union variant what the reader needs to pick it: the values of its fixed-value properties (the
/// discriminator first) and its required property names. OpenAI's discriminators have no <c>mapping</c>, so the
/// discriminator values come from each member's own single-value enum/const/enum; an explicit mapping overrides
/// them, and a referenced member with neither gets its schema name (OpenAPI's implicit mapping).
/// </summary>
internal sealed class UnionFinalizer(TypeRegistry types)
{
    private readonly Dictionary<string, (EquatableArray<ConstPropertyModel> Consts, EquatableArray<string> Required)> _unionFacts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

    public void FinalizeAll()
    {
        foreach (var name in types.Unions.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList())
        {
            Finalize(name);
        }
    }

    private (EquatableArray<ConstPropertyModel> Consts, EquatableArray<string> Required) Finalize(string name)
    {
        if (_unionFacts.TryGetValue(name, out var known))
        {
            return known;
        }

        var union = types.Unions[name];
        if (!_inProgress.Add(name))
        {
            return (EquatableArray<ConstPropertyModel>.Empty, EquatableArray<string>.Empty);
        }

        var variants = new List<UnionVariantModel>(union.Variants.Count);
        foreach (var draft in union.Variants)
        {
            var (consts, required) = FactsOf(draft.Type);
            consts = WithDiscriminator(union, draft, consts);
            variants.Add(new UnionVariantModel(draft.Name, draft.Type, draft.Kind, consts, required));
        }

        types.AddUnion(new UnionTypeModel(union.Name, union.Pointer, union.Description, union.Deprecated, union.Discriminator, variants.ToEquatableArray()));
        var facts = CommonFacts(variants);
        _unionFacts[name] = facts;
        _inProgress.Remove(name);
        return facts;
    }

    private (EquatableArray<ConstPropertyModel> Consts, EquatableArray<string> Required) FactsOf(TypeRef type)
    {
        if (type.Kind != TypeRefKind.Named)
        {
            return (EquatableArray<ConstPropertyModel>.Empty, EquatableArray<string>.Empty);
        }

        if (type.NamedKind == NamedTypeKind.Object && types.FindObject(type.Name!) is { } facts)
        {
            return (facts.ConstProperties.ToEquatableArray(), facts.Required.ToEquatableArray());
        }

        if (type.NamedKind == NamedTypeKind.Union && types.Unions.ContainsKey(type.Name!))
        {
            return Finalize(type.Name!);
        }

        return (EquatableArray<ConstPropertyModel>.Empty, EquatableArray<string>.Empty);
    }

    private static EquatableArray<ConstPropertyModel> WithDiscriminator(UnionDefinition union, VariantDraft draft, EquatableArray<ConstPropertyModel> consts)
    {
        if (union.Discriminator is not { } property)
        {
            return consts;
        }

        EquatableArray<string>? values = null;
        if (draft.ComponentKey is { } key && union.MappingValuesByComponent.TryGetValue(key, out var mapped))
        {
            values = mapped.ToEquatableArray();
        }
        else
        {
            foreach (var constant in consts)
            {
                if (constant.JsonName == property)
                {
                    values = constant.Values;
                }
            }

            if (values is null && draft.ComponentKey is { } implicitKey && draft.Kind == JsonValueKind.Object)
            {
                values = new[] { implicitKey }.ToEquatableArray();
            }
        }

        if (values is not { } discriminatorValues)
        {
            return consts;
        }

        var ordered = new List<ConstPropertyModel>(consts.Count + 1) { new(property, discriminatorValues) };
        foreach (var constant in consts)
        {
            if (constant.JsonName != property)
            {
                ordered.Add(constant);
            }
        }

        return ordered.ToEquatableArray();
    }

    /// <summary>
    /// What a union used as another union's variant is known by: the fixed-value properties that every one of its
    /// object variants has (with all their values) and the required names they share.
    /// </summary>
    private static (EquatableArray<ConstPropertyModel> Consts, EquatableArray<string> Required) CommonFacts(List<UnionVariantModel> variants)
    {
        if (variants.Count == 0 || variants.Any(v => v.ValueKind != JsonValueKind.Object))
        {
            return (EquatableArray<ConstPropertyModel>.Empty, EquatableArray<string>.Empty);
        }

        var consts = new List<ConstPropertyModel>();
        foreach (var candidate in variants[0].ConstProperties)
        {
            var values = new List<string>();
            var everywhere = true;
            foreach (var variant in variants)
            {
                var match = variant.ConstProperties.FirstOrDefault(c => c.JsonName == candidate.JsonName);
                if (match is null)
                {
                    everywhere = false;
                    break;
                }

                foreach (var value in match.Values)
                {
                    if (!values.Contains(value))
                    {
                        values.Add(value);
                    }
                }
            }

            if (everywhere)
            {
                consts.Add(new ConstPropertyModel(candidate.JsonName, values.ToEquatableArray()));
            }
        }

        var required = variants[0].RequiredProperties.Where(name => variants.All(v => v.RequiredProperties.Contains(name)));
        return (consts.ToEquatableArray(), required.ToEquatableArray());
    }
}
