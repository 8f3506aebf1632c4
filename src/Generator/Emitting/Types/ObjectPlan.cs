using System.Collections.Generic;
using Tether.Generator.Model;
using Tether.Generator.Translating;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Types;

/// <summary>
/// How an object schema becomes a class, decided once for the class and its converter: how each property is stored
/// (see <see cref="PropertyStorage"/>), its C# nullability and default, and the unknown-member bag.
/// </summary>
internal sealed class ObjectPlan
{
    public const string ExtensionDataBaseName = "AdditionalProperties";

    public ObjectPlan(ObjectTypeModel model, EmitContext context)
    {
        Model = model;
        var properties = new List<PropertyPlan>(model.Properties.Count);
        var memberNames = new NameScope(new[] { model.Name });
        for (var i = 0; i < model.Properties.Count; i++)
        {
            properties.Add(new PropertyPlan(model.Properties[i], i, context));
            memberNames.Claim(model.Properties[i].Name);
        }

        Properties = properties;

        // The parser keeps spec properties off this name; should one still take it, the bag moves aside rather
        // than the build breaking (CS0102).
        ExtensionPropertyName = memberNames.Claim(ExtensionDataBaseName);

        ExtensionFieldName = "_" + ExtensionPropertyName;
        ExtensionValueType = model.AdditionalProperties is { Kind: not TypeRefKind.Any } typed ? typed : null;
    }

    public ObjectTypeModel Model { get; }

    public IReadOnlyList<PropertyPlan> Properties { get; }

    public string ExtensionPropertyName { get; }

    public string ExtensionFieldName { get; }

    /// <summary>The declared <c>additionalProperties</c> value type; null when unknown members are kept as raw JSON.</summary>
    public TypeRef? ExtensionValueType { get; }

    public string ExtensionType(EmitContext context, EmitScope scope) => ExtensionValueType is null
        ? TypeNames.SystemType(TypeNames.IDictionary, scope) + "<string, " + TypeNames.SystemType(TypeNames.JsonElement, scope) + ">"
        : TypeNames.SystemType(TypeNames.IDictionary, scope) + "<string, " + TypeNames.Of(ExtensionValueType, context, scope) + ">";

    public string ExtensionImplementationType(EmitContext context, EmitScope scope) => ExtensionValueType is null
        ? TypeNames.SystemType(TypeNames.Dictionary, scope) + "<string, " + TypeNames.SystemType(TypeNames.JsonElement, scope) + ">"
        : TypeNames.SystemType(TypeNames.Dictionary, scope) + "<string, " + TypeNames.Of(ExtensionValueType, context, scope) + ">";
}

/// <summary>How a property keeps its value, chosen so that "absent from the JSON" is always representable.</summary>
internal enum PropertyStorage
{
    /// <summary>An auto-property of a nullable type, or of a reference type: null means absent.</summary>
    Auto,

    /// <summary>A non-nullable value type (a required int, a required enum): a nullable field behind it, null = absent.</summary>
    PresenceField,

    /// <summary>JSON null allowed: a field and an "is set" flag, so that explicit null and absent differ.</summary>
    SetFlag,
}

/// <summary>One property of an <see cref="ObjectPlan"/>.</summary>
internal sealed class PropertyPlan
{
    public PropertyPlan(PropertyModel model, int index, EmitContext context)
    {
        Model = model;
        Index = index;
        ConstDefault = ConstExpression(model, context);
        PropertyIsNullable = model.Nullable || !model.Required;
        HasRequiredModifier = model.Required && ConstDefault is null;
        Storage = model.Nullable ? PropertyStorage.SetFlag
            : !PropertyIsNullable && model.Type.IsValueType ? PropertyStorage.PresenceField
            : PropertyStorage.Auto;

        // Generated member names start with "_" + PascalCase or "_" + lowercase; parser names never do, so the
        // fields cannot clash with properties or with each other.
        FieldName = "_" + model.Name;
        SetFlagName = "_isSet_" + model.Name;
    }

    public PropertyModel Model { get; }

    public int Index { get; }

    public PropertyStorage Storage { get; }

    public string FieldName { get; }

    public string SetFlagName { get; }

    /// <summary>True when the C# property type is nullable (<c>T?</c>).</summary>
    public bool PropertyIsNullable { get; }

    public bool HasRequiredModifier { get; }

    /// <summary>
    /// [Obsolete] on a required member is CS9042 (it would make every object initializer warn); a required
    /// deprecated property says so in its docs instead.
    /// </summary>
    public bool IsObsolete => Model.Deprecated && !HasRequiredModifier;

    /// <summary>The single allowed value as a C# expression, set by the public constructor; null when there is none.</summary>
    public string? ConstDefault { get; }

    public string PropertyType(EmitContext context, EmitScope scope) =>
        PropertyIsNullable ? TypeNames.Nullable(Model.Type, context, scope) : TypeNames.Of(Model.Type, context, scope);

    private static string? ConstExpression(PropertyModel model, EmitContext context)
    {
        if (model.ConstValue is null)
        {
            return null;
        }

        return model.Type switch
        {
            { Kind: TypeRefKind.String } => CSharpLiteral.String(model.ConstValue),
            { Kind: TypeRefKind.Named, NamedKind: NamedTypeKind.Enum } => "new " + TypeNames.Of(model.Type, context, EmitScope.Models) + "(" + CSharpLiteral.String(model.ConstValue) + ")",
            _ => null,
        };
    }
}
