using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Json;

/// <summary>
/// The one JSON token kind a value of a type starts with, as the <c>JsonTokenType</c> member name the converters test
/// before reading (<c>True</c> standing for both booleans), so that a value of another kind is kept raw instead of
/// failing the whole response. Null where any kind is read: raw JSON, and unions (which keep what fits no variant).
/// </summary>
internal static class ExpectedToken
{
    public static string? Of(TypeRef type, EmitContext context) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.Date or TypeRefKind.Binary => "String",
        TypeRefKind.Boolean => "True",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Single or TypeRefKind.UnixTime => "Number",
        TypeRefKind.Array => "StartArray",
        TypeRefKind.Map => "StartObject",
        TypeRefKind.Named => Named(type, context),
        _ => null,
    };

    /// <summary>The test, on the reader's current token, that it is the expected kind.</summary>
    public static string Test(string expected, string reader = "reader") => "JsonSupport.Fits(" + reader + ".TokenType, JsonTokenType." + expected + ")";

    private static string? Named(TypeRef type, EmitContext context) => context.FindType(type) switch
    {
        ObjectTypeModel => "StartObject",
        EnumTypeModel => "String",
        UnionTypeModel => null,
        _ => type.NamedKind switch
        {
            NamedTypeKind.Object => "StartObject",
            NamedTypeKind.Enum => "String",
            _ => null,
        },
    };
}
