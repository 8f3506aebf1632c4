using System;
using Tether.Generator.Model;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Text;

/// <summary>
/// <see cref="TypeRef"/> → C# type text. Outside our own namespaces every name is <c>global::</c>-qualified so that
/// schema names like <c>Task</c>, <c>Error</c> or <c>System</c> and the consumer's usings can never change what a
/// name binds to; inside them (see <see cref="EmitScope"/>) names are as short as is equally safe.
/// </summary>
internal static class TypeNames
{
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string Utf8JsonReader = "global::System.Text.Json.Utf8JsonReader";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
    public const string JsonTokenType = "global::System.Text.Json.JsonTokenType";
    public const string JsonEncodedText = "global::System.Text.Json.JsonEncodedText";
    public const string JsonSerializerOptions = "global::System.Text.Json.JsonSerializerOptions";
    public const string IList = "global::System.Collections.Generic.IList";
    public const string List = "global::System.Collections.Generic.List";
    public const string IDictionary = "global::System.Collections.Generic.IDictionary";
    public const string Dictionary = "global::System.Collections.Generic.Dictionary";
    public const string ExtensionData = IDictionary + "<string, " + JsonElement + ">";
    public const string ExtensionDataImplementation = Dictionary + "<string, " + JsonElement + ">";

    /// <summary>A System type by its short name inside the JSON namespace (which imports its namespace), else in full.</summary>
    public static string SystemType(string fullName, EmitScope scope) =>
        scope == EmitScope.Json ? fullName.Substring(fullName.LastIndexOf('.') + 1) : fullName;

    /// <summary>The non-nullable C# type.</summary>
    public static string Of(TypeRef type, EmitContext context, EmitScope scope = EmitScope.Global) => type.Kind switch
    {
        TypeRefKind.Any => SystemType(JsonElement, scope),
        TypeRefKind.String or TypeRefKind.Date => "string",
        TypeRefKind.Boolean => "bool",
        TypeRefKind.Int32 => "int",
        TypeRefKind.Int64 => "long",
        TypeRefKind.Double => "double",
        TypeRefKind.Single => "float",
        TypeRefKind.UnixTime => SystemType("global::System.DateTimeOffset", scope),
        // In JSON a binary string is base64 text (multipart bodies use the runtime's file part type instead).
        TypeRefKind.Binary => "byte[]",
        TypeRefKind.Named => context.ModelType(type.Name ?? throw new ArgumentException("A named type reference needs a name."), scope),
        TypeRefKind.Array => SystemType(IList, scope) + "<" + ElementOf(type, context, scope) + ">",
        TypeRefKind.Map => SystemType(IDictionary, scope) + "<string, " + ElementOf(type, context, scope) + ">",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown type kind."),
    };

    /// <summary>The C# type that can also hold "no value": <c>T?</c> for both reference and value types.</summary>
    public static string Nullable(TypeRef type, EmitContext context, EmitScope scope = EmitScope.Global) => Of(type, context, scope) + "?";

    /// <summary>The list element or map value type, nullable when the spec allows null items.</summary>
    public static string ElementOf(TypeRef collection, EmitContext context, EmitScope scope = EmitScope.Global)
    {
        var element = collection.Element ?? TypeRef.Any;
        return collection.ElementNullable ? Nullable(element, context, scope) : Of(element, context, scope);
    }

    /// <summary>The concrete type a list or map is read into.</summary>
    public static string ImplementationOf(TypeRef collection, EmitContext context, EmitScope scope = EmitScope.Global) => collection.Kind == TypeRefKind.Map
        ? SystemType(Dictionary, scope) + "<string, " + ElementOf(collection, context, scope) + ">"
        : SystemType(List, scope) + "<" + ElementOf(collection, context, scope) + ">";

    /// <summary>True for types that C# forbids as the source of a user-defined conversion (interfaces).</summary>
    public static bool IsInterface(TypeRef type) => type.Kind is TypeRefKind.Array or TypeRefKind.Map;
}
