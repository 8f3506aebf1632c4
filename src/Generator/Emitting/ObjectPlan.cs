using System.Collections.Generic;
using System.Globalization;
using Tether.Generator.Model;

namespace Tether.Generator.Emitting;

/// <summary>
/// How an object schema becomes a class, decided once for the class and its converter: field names, which properties
/// track "explicitly set" (those that allow JSON null), C# nullability, defaults and the unknown-member bag.
/// </summary>
internal sealed class ObjectPlan
{
    public const string ExtensionDataBaseName = "AdditionalProperties";

    public ObjectPlan(ObjectTypeModel model, EmitContext context)
    {
        Model = model;
        var properties = new List<PropertyPlan>(model.Properties.Count);
        var memberNames = new HashSet<string>(System.StringComparer.Ordinal) { model.Name };
        for (var i = 0; i < model.Properties.Count; i++)
        {
            properties.Add(new PropertyPlan(model.Properties[i], i, context));
            memberNames.Add(model.Properties[i].Name);
        }

        Properties = properties;

        // The parser keeps spec properties off this name; should one still take it, the bag moves aside rather
        // than the build breaking (CS0102).
        ExtensionPropertyName = ExtensionDataBaseName;
        for (var suffix = 2; memberNames.Contains(ExtensionPropertyName); suffix++)
        {
            ExtensionPropertyName = ExtensionDataBaseName + suffix.ToString(CultureInfo.InvariantCulture);
        }

        ExtensionFieldName = "_" + ExtensionPropertyName;
        ExtensionValueType = model.AdditionalProperties is { Kind: not TypeRefKind.Any } typed ? typed : null;
        ExtensionType = ExtensionValueType is null
            ? TypeNames.ExtensionData
            : TypeNames.IDictionary + "<string, " + TypeNames.Of(ExtensionValueType, context) + ">";
        ExtensionImplementationType = ExtensionValueType is null
            ? TypeNames.ExtensionDataImplementation
            : TypeNames.Dictionary + "<string, " + TypeNames.Of(ExtensionValueType, context) + ">";
    }

    public ObjectTypeModel Model { get; }

    public IReadOnlyList<PropertyPlan> Properties { get; }

    public string ExtensionPropertyName { get; }

    public string ExtensionFieldName { get; }

    /// <summary>The declared <c>additionalProperties</c> value type; null when unknown members are kept as raw JSON.</summary>
    public TypeRef? ExtensionValueType { get; }

    public string ExtensionType { get; }

    public string ExtensionImplementationType { get; }
}

/// <summary>One property of an <see cref="ObjectPlan"/>.</summary>
internal sealed class PropertyPlan
{
    public PropertyPlan(PropertyModel model, int index, EmitContext context)
    {
        Model = model;
        Index = index;

        // Generated member names start with "_" + PascalCase or "_" + lowercase; parser names never do, so the
        // fields cannot clash with properties or with each other.
        FieldName = "_" + model.Name;
        SetFlagName = model.Nullable ? "_isSet_" + model.Name : null;
        EncodedNameField = "s_" + model.Name;
        FieldType = TypeNames.Nullable(model.Type, context);
        ConstDefault = ConstExpression(model, context);
        HasRequiredModifier = model.Required && ConstDefault is null;
        PropertyIsNullable = model.Nullable || !model.Required;
        var nonNullable = TypeNames.Of(model.Type, context);
        PropertyType = PropertyIsNullable ? nonNullable + "?" : nonNullable;
    }

    public PropertyModel Model { get; }

    public int Index { get; }

    public string FieldName { get; }

    /// <summary>For properties that allow JSON null: the flag telling "set (maybe to null)" from "absent".</summary>
    public string? SetFlagName { get; }

    public string EncodedNameField { get; }

    /// <summary>Always the nullable form: null means "absent" (for value types too, so absent is never written as 0).</summary>
    public string FieldType { get; }

    public string PropertyType { get; }

    public bool PropertyIsNullable { get; }

    public bool HasRequiredModifier { get; }

    /// <summary>The single allowed value as a C# expression, set by the public constructor; null when there is none.</summary>
    public string? ConstDefault { get; }

    public string Getter
    {
        get
        {
            if (PropertyIsNullable)
            {
                return FieldName;
            }

            return Model.Type.IsValueType ? FieldName + ".GetValueOrDefault()" : FieldName + "!";
        }
    }

    private static string? ConstExpression(PropertyModel model, EmitContext context)
    {
        if (model.ConstValue is null)
        {
            return null;
        }

        return model.Type switch
        {
            { Kind: TypeRefKind.String } => CSharpLiteral.String(model.ConstValue),
            { Kind: TypeRefKind.Named, NamedKind: NamedTypeKind.Enum } => "new " + TypeNames.Of(model.Type, context) + "(" + CSharpLiteral.String(model.ConstValue) + ")",
            _ => null,
        };
    }
}
