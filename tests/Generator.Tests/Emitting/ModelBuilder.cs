using Tether.Generator.Model;
using ValueKind = Tether.Generator.Model.JsonValueKind;

namespace Tether.Generator.Tests.Emitting;

/// <summary>
/// Builds API model values by hand, as the parser would produce them. Every record constructor call lives here, so a
/// member the parser adds to a model record is one edit away.
/// </summary>
internal static class ModelBuilder
{
    public const string Namespace = "Demo";
    public const string ClientName = "DemoClient";

    public static ClientSpec Spec(params TypeModel[] types) => Spec(Namespace, types);

    public static ClientSpec Spec(string @namespace, params TypeModel[] types) => new(
        new ClientTarget(@namespace, ClientName, "public", "demo.yaml", null, IsValid: true, EquatableArray<DiagnosticInfo>.Empty, ClientSelection.Everything),
        new ApiModel("Demo", null, "1.0", null, null, types.ToEquatableArray(), EquatableArray<OperationModel>.Empty, EquatableArray<SecuritySchemeModel>.Empty));

    public static PropertyModel Property(
        string jsonName,
        string name,
        TypeRef type,
        bool required = false,
        bool nullable = false,
        string? constValue = null,
        string? description = null,
        bool deprecated = false) => new(jsonName, name, type, required, nullable, description, deprecated, constValue);

    public static ObjectTypeModel Object(string name, params PropertyModel[] properties) => Object(name, null, properties);

    public static ObjectTypeModel Object(string name, string? description, params PropertyModel[] properties) =>
        new(name, "#/components/schemas/" + name, description, false, properties.ToEquatableArray(), null);

    public static ObjectTypeModel WithAdditionalProperties(ObjectTypeModel model, TypeRef valueType) => model with { AdditionalProperties = valueType };

    public static ObjectTypeModel Deprecated(ObjectTypeModel model) => model with { Deprecated = true };

    public static EnumTypeModel Enum(string name, params (string Name, string Value)[] members) =>
        new(name, "#/components/schemas/" + name, null, false, members.Select(m => new EnumMemberModel(m.Name, m.Value)).ToEquatableArray());

    public static UnionTypeModel Union(string name, string? discriminator, params UnionVariantModel[] variants) =>
        new(name, "#/components/schemas/" + name, null, false, discriminator, variants.ToEquatableArray());

    public static UnionVariantModel Variant(string name, TypeRef type, ValueKind kind, ConstPropertyModel[]? consts = null, string[]? required = null) =>
        new(name, type, kind, (consts ?? []).ToEquatableArray(), (required ?? []).ToEquatableArray());

    public static ConstPropertyModel Const(string jsonName, params string[] values) => new(jsonName, values.ToEquatableArray());

    public static TypeRef ObjectRef(string name) => TypeRef.Named(name, NamedTypeKind.Object);

    public static TypeRef EnumRef(string name) => TypeRef.Named(name, NamedTypeKind.Enum);

    public static TypeRef UnionRef(string name) => TypeRef.Named(name, NamedTypeKind.Union);
}
