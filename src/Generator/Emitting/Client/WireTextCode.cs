using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;

namespace Tether.Generator.Emitting.Client;

/// <summary>
/// The C# that turns a parameter value into the text sent in a path segment, query string, header or form field:
/// culture-independent scalars (the runtime's <c>WireFormat</c>), enums as their wire value, Unix times as seconds,
/// and any other shape as its JSON (a JSON string without its quotes).
/// </summary>
internal sealed class WireTextCode
{
    private const string WireFormat = "global::Tether.WireFormat";

    private readonly EmitContext _context;
    private readonly OperationTypeInfoRegistry _typeInfos;

    public WireTextCode(EmitContext context, OperationTypeInfoRegistry typeInfos)
    {
        _context = context;
        _typeInfos = typeInfos;
    }

    /// <summary>True when the value is written as text without going through JSON.</summary>
    public static bool IsScalar(TypeRef type) => type.Kind is TypeRefKind.String or TypeRefKind.Date or TypeRefKind.Boolean
        or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Single or TypeRefKind.UnixTime
        || (type.Kind == TypeRefKind.Named && type.NamedKind == NamedTypeKind.Enum);

    /// <summary>A <c>string</c> expression for <paramref name="value"/>, an expression of the non-nullable C# type.</summary>
    public string Format(TypeRef type, string value) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.Date => value,
        TypeRefKind.Boolean or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Single => WireFormat + ".Format(" + value + ")",
        TypeRefKind.UnixTime => WireFormat + ".Format(" + value + ".ToUnixTimeSeconds())",
        TypeRefKind.Named when type.NamedKind == NamedTypeKind.Enum => value + ".ToString()",
        TypeRefKind.Binary => "global::System.Convert.ToBase64String(" + value + ")",
        TypeRefKind.Any => RuntimeTypes.JsonParameterText + ".Text(" + value + ")",
        _ => RuntimeTypes.JsonParameterText + ".Text(" + ToJsonElement(type, value) + ")",
    };

    /// <summary>
    /// A <c>string?</c> expression for <paramref name="value"/>, an expression of the nullable C# type (null stays null).
    /// </summary>
    public string FormatNullable(TypeRef type, string value)
    {
        if (type.Kind is TypeRefKind.String or TypeRefKind.Date)
        {
            return value;
        }

        return type.IsValueType
            ? "(" + value + ".HasValue ? " + Format(type, value + ".Value") + " : null)"
            : "(" + value + " is null ? null : " + Format(type, value) + ")";
    }

    /// <summary>A <c>JsonElement</c> expression: the value serialized with its metadata (no reflection).</summary>
    public string ToJsonElement(TypeRef type, string value) => type.Kind == TypeRefKind.Any
        ? value
        : "global::System.Text.Json.JsonSerializer.SerializeToElement(" + value + ", " + _typeInfos.For(type) + ")";

    /// <summary>
    /// An <c>IEnumerable&lt;string&gt;</c> expression over the items of <paramref name="list"/> (non-null), each formatted;
    /// null items of a list that allows them stay null.
    /// </summary>
    public string FormatEach(TypeRef listType, string list)
    {
        var element = listType.Element ?? TypeRef.Any;
        if (element.Kind is TypeRefKind.String or TypeRefKind.Date)
        {
            return list;
        }

        var item = listType.ElementNullable ? FormatNullable(element, "item") : Format(element, "item");
        return "global::System.Linq.Enumerable.Select(" + list + ", static item => " + item + ")";
    }

    /// <summary>The C# type of a list's items (for the <c>Select</c> lambda above).</summary>
    public string ElementType(TypeRef listType) => TypeNames.ElementOf(listType, _context);
}
