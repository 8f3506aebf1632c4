using System.Collections.Generic;
using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Types;

/// <summary>How a union is stored and read, decided once for the class and its converter.</summary>
internal sealed class UnionPlan
{
    public UnionPlan(UnionTypeModel model, EmitContext context)
    {
        Model = model;
        var variants = new List<VariantPlan>(model.Variants.Count);
        var typeCounts = new Dictionary<string, int>(System.StringComparer.Ordinal);
        for (var i = 0; i < model.Variants.Count; i++)
        {
            var variant = new VariantPlan(model.Variants[i], i + 1, context);
            variants.Add(variant);
            typeCounts.TryGetValue(variant.Type, out var count);
            typeCounts[variant.Type] = count + 1;
        }

        foreach (var variant in variants)
        {
            // C# forbids conversions from interfaces (IList/IDictionary) and to the type itself; two variants of the
            // same C# type would make the conversion ambiguous, so those get only their From… factories.
            variant.HasImplicitConversion = !TypeNames.IsInterface(variant.Model.Type)
                && typeCounts[variant.Type] == 1
                && variant.Type != context.ModelType(model.Name);
        }

        Variants = variants;
    }

    public UnionTypeModel Model { get; }

    public IReadOnlyList<VariantPlan> Variants { get; }
}

/// <summary>One variant of a <see cref="UnionPlan"/>.</summary>
internal sealed class VariantPlan
{
    public VariantPlan(UnionVariantModel model, int tag, EmitContext context)
    {
        Model = model;
        Tag = tag;
        Type = TypeNames.Of(model.Type, context);
        ModelsType = TypeNames.Of(model.Type, context, EmitScope.Models);
        JsonType = TypeNames.Of(model.Type, context, EmitScope.Json);
        IsValueType = model.Type.IsValueType;

        // Value-type variants get a field of their own so that holding an int or an enum never boxes.
        StorageField = IsValueType ? "_value" + CSharpLiteral.Int(tag) : "_reference";
        Kinds = TokenKindsOf.Type(model.Type, context);
    }

    public UnionVariantModel Model { get; }

    /// <summary>The variant's number in <c>_variant</c>: its 1-based position; 0 means "unrecognized JSON".</summary>
    public int Tag { get; }

    /// <summary>The C# type, fully qualified (unique, so it tells duplicate variant types apart).</summary>
    public string Type { get; }

    /// <summary>The C# type as written in the models' namespace.</summary>
    public string ModelsType { get; }

    /// <summary>The C# type as written in the JSON namespace.</summary>
    public string JsonType { get; }

    public bool IsValueType { get; }

    public string StorageField { get; }

    public TokenKinds Kinds { get; }

    public bool HasImplicitConversion { get; set; }

    /// <summary>The stored value as an expression of the variant's type, given the union instance.</summary>
    public string ValueOf(string instance, EmitScope scope) => IsValueType
        ? instance + "." + StorageField
        : "((" + (scope == EmitScope.Json ? JsonType : ModelsType) + ")" + instance + "." + StorageField + "!)";
}
