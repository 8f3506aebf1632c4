using System;
using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Json;

/// <summary>
/// The <c>Tether.Primitives.IJsonCodec</c> that reads and writes a <see cref="TypeRef"/> as a list item or map value,
/// or as a whole list or map: a generated type's converter, a runtime scalar codec, or a runtime
/// <c>ListCodec</c>/<c>MapCodec</c> instantiation, so no collection needs generated code of its own.
/// </summary>
internal static class CodecNames
{
    private const string Primitives = "global::Tether.Primitives.";

    public static string Of(TypeRef type, EmitContext context, EmitScope scope)
    {
        // The JSON files import Tether.Primitives; elsewhere the name is qualified.
        var prefix = scope == EmitScope.Json ? string.Empty : Primitives;
        return type.Kind switch
        {
            TypeRefKind.String or TypeRefKind.Date => prefix + "StringCodec",
            TypeRefKind.Boolean => prefix + "BooleanCodec",
            TypeRefKind.Int32 => prefix + "Int32Codec",
            TypeRefKind.Int64 => prefix + "Int64Codec",
            TypeRefKind.Double => prefix + "DoubleCodec",
            TypeRefKind.Single => prefix + "SingleCodec",
            TypeRefKind.UnixTime => prefix + "UnixTimeCodec",
            TypeRefKind.Binary => prefix + "Base64Codec",
            TypeRefKind.Any => prefix + "JsonElementCodec",
            TypeRefKind.Named => context.ConverterType(type.Name!, scope),
            TypeRefKind.Array => prefix + "ListCodec<" + TypeNames.ElementOf(type, context, scope) + ", " + ElementCodec(type, context, scope, prefix) + ">",
            TypeRefKind.Map => prefix + "MapCodec<" + TypeNames.ElementOf(type, context, scope) + ", " + ElementCodec(type, context, scope, prefix) + ">",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown type kind."),
        };
    }

    // A nullable item (int?, Item?) is read by the item type's codec lifted to T?, so that the collection's item type
    // and its codec agree; the collection codecs keep a null item of any type whose default is null.
    private static string ElementCodec(TypeRef collection, EmitContext context, EmitScope scope, string prefix)
    {
        var element = collection.Element ?? TypeRef.Any;
        var codec = Of(element, context, scope);
        if (!collection.ElementNullable)
        {
            return codec;
        }

        var lifted = element.IsValueType ? "NullableCodec<" : "NullableReferenceCodec<";
        return prefix + lifted + TypeNames.Of(element, context, scope) + ", " + codec + ">";
    }
}
