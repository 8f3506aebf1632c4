using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Json;

/// <summary>
/// The class line every generated converter shares. A converter is the type's <c>Tether.Primitives.IJsonCodec</c>:
/// static <c>ReadValue</c>/<c>WriteValue</c> that other converters call directly, and that the runtime's one
/// <c>JsonCodecConverter</c> forwards to for System.Text.Json. Written in the JSON namespace.
/// </summary>
internal static class ConverterSkeleton
{
    // A struct, never instantiated: generic code over it (ListCodec<T, XConverter>) is then specialised for it, so
    // its static methods are called directly, as from generated code, instead of through a shared generic dictionary.
    public static void WriteHeader(SourceWriter writer, string typeName, string type, string kind)
    {
        writer.WriteLine("/// <summary>Reads and writes " + XmlDoc.Code(typeName) + " without reflection.</summary>");
        writer.WriteLine("internal readonly struct " + EmitContext.ConverterName(typeName) + " : IJsonCodec<" + type + ">");
        writer.OpenBlock();
        writer.WriteLine("public static JsonTokenType Kind => JsonTokenType." + kind + ";");
    }

    /// <summary>The System.Text.Json converter of a generated type: <c>JsonCodecConverter&lt;T, TConverter&gt;</c>.</summary>
    public static string ConverterOf(string typeName, EmitContext context, EmitScope scope) =>
        RuntimeTypes.Primitive("JsonCodecConverter", scope) + "<" + context.ModelType(typeName, scope) + ", " + context.ConverterType(typeName, scope) + ">";
}
