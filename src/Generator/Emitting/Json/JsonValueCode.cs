using System;
using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Json;

/// <summary>
/// The C# that reads or writes one JSON value of a <see cref="TypeRef"/>. Nested generated types are read and written
/// by direct static calls into their converters (no options lookup, no virtual dispatch); lists and maps by the
/// runtime codecs named by <see cref="CodecNames"/>.
/// </summary>
internal static class JsonValueCode
{
    /// <summary>
    /// An expression of the non-nullable C# type; the reader is on the value's first token, which is not null. A list
    /// or map is read as null when an item does not fit its type (the reader rewound to the collection's start): see
    /// <see cref="ReadOrThrow"/> where nothing can keep it raw.
    /// </summary>
    public static string Read(TypeRef type, EmitContext context, string reader = "reader", EmitScope scope = EmitScope.Global) => type.Kind switch
    {
        TypeRefKind.Any => TypeNames.SystemType(TypeNames.JsonElement, scope) + ".ParseValue(ref " + reader + ")",
        TypeRefKind.String or TypeRefKind.Date => reader + ".GetString()!",
        TypeRefKind.Boolean => reader + ".GetBoolean()",
        TypeRefKind.Int32 => reader + ".GetInt32()",
        TypeRefKind.Int64 => reader + ".GetInt64()",
        TypeRefKind.Double => reader + ".GetDouble()",
        TypeRefKind.Single => reader + ".GetSingle()",
        TypeRefKind.UnixTime => context.Support(scope) + ".ReadUnixTime(ref " + reader + ")",
        TypeRefKind.Binary => reader + ".GetBytesFromBase64()",
        TypeRefKind.Named when IsObject(type, context) =>
            RuntimeTypes.Primitive("JsonCodec", scope) + ".Read<" + TypeNames.Of(type, context, scope) + ", " + context.ConverterType(type.Name!, scope) + ">(ref " + reader + ")",
        TypeRefKind.Named => context.ConverterType(type.Name!, scope) + ".ReadValue(ref " + reader + ")",
        TypeRefKind.Array or TypeRefKind.Map => CodecNames.Of(type, context, scope) + ".ReadValue(ref " + reader + ")",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown type kind."),
    };

    // An object's codec is a member table; its ReadValue and WriteValue come from the runtime's interface, which
    // reaches them through the codec's type rather than by name.
    private static bool IsObject(TypeRef type, EmitContext context) => context.FindType(type) switch
    {
        ObjectTypeModel => true,
        null => type.NamedKind == NamedTypeKind.Object,
        _ => false,
    };

    private static string WriteNamed(TypeRef type, string value, EmitContext context, string writer, EmitScope scope) => IsObject(type, context)
        ? RuntimeTypes.Primitive("JsonCodec", scope) + ".Write<" + TypeNames.Of(type, context, scope) + ", " + context.ConverterType(type.Name!, scope) + ">(" + writer + ", " + value + ");"
        : context.ConverterType(type.Name!, scope) + ".WriteValue(" + writer + ", " + value + ");";

    /// <summary><see cref="Read"/>, a list or map with an item that does not fit being an error.</summary>
    public static string ReadOrThrow(TypeRef type, EmitContext context, string reader = "reader", EmitScope scope = EmitScope.Global) =>
        IsCollection(type)
            ? "(" + Read(type, context, reader, scope) + " ?? throw " + context.Support(scope) + ".ItemMismatch())"
            : Read(type, context, reader, scope);

    public static bool IsCollection(TypeRef type) => type.Kind is TypeRefKind.Array or TypeRefKind.Map;

    /// <summary>A statement writing <paramref name="value"/>, an expression of the non-nullable C# type.</summary>
    public static string Write(TypeRef type, string value, EmitContext context, string writer = "writer", EmitScope scope = EmitScope.Global) =>
        scope == EmitScope.Json ? WriteInJson(type, value, context, writer) : type.Kind switch
    {
        TypeRefKind.Any => value + ".WriteTo(" + writer + ");",
        TypeRefKind.String or TypeRefKind.Date => writer + ".WriteStringValue(" + value + ");",
        TypeRefKind.Boolean => writer + ".WriteBooleanValue(" + value + ");",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Single => writer + ".WriteNumberValue(" + value + ");",
        TypeRefKind.UnixTime => context.Support(scope) + ".WriteUnixTime(" + writer + ", " + value + ");",
        TypeRefKind.Binary => writer + ".WriteBase64StringValue(" + value + ");",
        TypeRefKind.Named when type.NamedKind == NamedTypeKind.Enum => writer + ".WriteStringValue(" + value + ".ToString());",
        TypeRefKind.Named => WriteNamed(type, value, context, writer, scope),
        TypeRefKind.Array or TypeRefKind.Map => CodecNames.Of(type, context, scope) + ".WriteValue(" + writer + ", " + value + ");",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown type kind."),
    };

    // Inside the JSON namespace writes go through JsonSupport's non-overloaded forwarders (see there why).
    private static string WriteInJson(TypeRef type, string value, EmitContext context, string writer) => type.Kind switch
    {
        TypeRefKind.Any => value + ".WriteTo(" + writer + ");",
        TypeRefKind.String or TypeRefKind.Date => "JsonSupport.WriteStringValue(" + writer + ", " + value + ");",
        TypeRefKind.Boolean => "JsonSupport.WriteBooleanValue(" + writer + ", " + value + ");",
        TypeRefKind.Int32 => "JsonSupport.WriteInt32Value(" + writer + ", " + value + ");",
        TypeRefKind.Int64 => "JsonSupport.WriteInt64Value(" + writer + ", " + value + ");",
        TypeRefKind.Double => "JsonSupport.WriteDoubleValue(" + writer + ", " + value + ");",
        TypeRefKind.Single => "JsonSupport.WriteSingleValue(" + writer + ", " + value + ");",
        TypeRefKind.UnixTime => "JsonSupport.WriteUnixTime(" + writer + ", " + value + ");",
        TypeRefKind.Binary => "JsonSupport.WriteBase64Value(" + writer + ", " + value + ");",
        TypeRefKind.Named when type.NamedKind == NamedTypeKind.Enum => "JsonSupport.WriteStringValue(" + writer + ", " + value + ".ToString());",
        TypeRefKind.Named => WriteNamed(type, value, context, writer, EmitScope.Json),
        TypeRefKind.Array or TypeRefKind.Map => CodecNames.Of(type, context, EmitScope.Json) + ".WriteValue(" + writer + ", " + value + ");",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown type kind."),
    };
}
