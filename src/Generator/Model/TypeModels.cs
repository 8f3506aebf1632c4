namespace Tether.Generator.Model;

/// <summary>A type the generator emits. <see cref="Name"/> is the final, unique, valid C# identifier.</summary>
internal abstract record TypeModel(string Name, string SchemaPath, string? Description, bool Deprecated);

/// <summary>A JSON object: a class with one property per schema property (allOf parts already merged).</summary>
/// <param name="AdditionalProperties">
/// The value type of <c>additionalProperties</c> when the schema declares one; otherwise unknown members are kept
/// as raw JSON so that a deserialize → serialize round trip loses nothing.
/// </param>
internal sealed record ObjectTypeModel(
    string Name,
    string SchemaPath,
    string? Description,
    bool Deprecated,
    EquatableArray<PropertyModel> Properties,
    TypeRef? AdditionalProperties)
    : TypeModel(Name, SchemaPath, Description, Deprecated);

/// <summary>A property of an object. <see cref="Name"/> is the C# name, <see cref="JsonName"/> the wire name.</summary>
/// <param name="Nullable">JSON <c>null</c> is a valid value (3.1 <c>anyOf[T, null]</c> or 3.0 <c>nullable: true</c>).</param>
/// <param name="ConstValue">The single allowed string value (single-value enum or <c>const</c>), used as the default.</param>
internal sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeRef Type,
    bool Required,
    bool Nullable,
    string? Description,
    bool Deprecated,
    string? ConstValue);

/// <summary>An extensible string enum: known values as static members, any other string still accepted.</summary>
internal sealed record EnumTypeModel(
    string Name,
    string SchemaPath,
    string? Description,
    bool Deprecated,
    EquatableArray<EnumMemberModel> Members)
    : TypeModel(Name, SchemaPath, Description, Deprecated);

/// <summary>One known enum value and the C# member name made from it.</summary>
internal sealed record EnumMemberModel(string Name, string Value);

/// <summary>
/// oneOf/anyOf of several shapes. Variants are told apart by JSON token kind, then by the string values of
/// "const" properties (the discriminator and any other single-value enum), then by required property names.
/// </summary>
internal sealed record UnionTypeModel(
    string Name,
    string SchemaPath,
    string? Description,
    bool Deprecated,
    string? DiscriminatorProperty,
    EquatableArray<UnionVariantModel> Variants)
    : TypeModel(Name, SchemaPath, Description, Deprecated);

/// <summary>The JSON token kind a union variant starts with.</summary>
internal enum JsonValueKind
{
    Object,
    Array,
    String,
    Number,
    Integer,
    Boolean,
}

/// <summary>One member of a union.</summary>
/// <param name="Name">The C# name used for the variant's accessor, unique within the union.</param>
/// <param name="ConstProperties">Properties of an object variant whose value is fixed: JSON name → allowed values.</param>
/// <param name="RequiredProperties">JSON names of the object variant's required properties.</param>
internal sealed record UnionVariantModel(
    string Name,
    TypeRef Type,
    JsonValueKind ValueKind,
    EquatableArray<ConstPropertyModel> ConstProperties,
    EquatableArray<string> RequiredProperties);

/// <summary>A property of a union variant that only takes the listed string values (e.g. <c>type: message</c>).</summary>
internal sealed record ConstPropertyModel(string JsonName, EquatableArray<string> Values);
