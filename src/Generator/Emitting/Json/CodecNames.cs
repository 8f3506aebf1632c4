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
    public static string Of(TypeRef type, EmitContext context, EmitScope scope) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.Date => RuntimeTypes.Primitive("StringCodec", scope),
        TypeRefKind.Boolean => RuntimeTypes.Primitive("BooleanCodec", scope),
        TypeRefKind.Int32 => RuntimeTypes.Primitive("Int32Codec", scope),
        TypeRefKind.Int64 => RuntimeTypes.Primitive("Int64Codec", scope),
        TypeRefKind.Double => RuntimeTypes.Primitive("DoubleCodec", scope),
        TypeRefKind.Single => RuntimeTypes.Primitive("SingleCodec", scope),
        TypeRefKind.UnixTime => RuntimeTypes.Primitive("UnixTimeCodec", scope),
        TypeRefKind.Binary => RuntimeTypes.Primitive("Base64Codec", scope),
        TypeRefKind.Any => RuntimeTypes.Primitive("JsonElementCodec", scope),
        TypeRefKind.Named => context.ConverterType(type.Name!, scope),
        TypeRefKind.Array => Generic("ListCodec", TypeNames.ElementOf(type, context, scope), ElementCodec(type, context, scope), scope),
        TypeRefKind.Map => Generic("MapCodec", TypeNames.ElementOf(type, context, scope), ElementCodec(type, context, scope), scope),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown type kind."),
    };

    // A nullable item (int?, Item?) is read by the item type's codec lifted to T?, so that the collection's item type
    // and its codec agree; the collection codecs keep a null item of any type whose default is null.
    private static string ElementCodec(TypeRef collection, EmitContext context, EmitScope scope)
    {
        var element = collection.Element ?? TypeRef.Any;
        var codec = Of(element, context, scope);
        return collection.ElementNullable
            ? Generic(element.IsValueType ? "NullableCodec" : "NullableReferenceCodec", TypeNames.Of(element, context, scope), codec, scope)
            : codec;
    }

    private static string Generic(string codec, string item, string itemCodec, EmitScope scope) =>
        RuntimeTypes.Primitive(codec, scope) + "<" + item + ", " + itemCodec + ">";
}
