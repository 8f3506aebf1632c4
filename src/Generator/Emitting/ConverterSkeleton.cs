namespace Tether.Generator.Emitting;

/// <summary>
/// The class line every generated converter shares. A converter is the type's <c>Tether.Primitives.IJsonCodec</c>:
/// static <c>ReadValue</c>/<c>WriteValue</c> that other converters call directly, and that the runtime's one
/// <c>JsonCodecConverter</c> forwards to for System.Text.Json. Written in the JSON namespace.
/// </summary>
internal static class ConverterSkeleton
{
    public const string CodecInterface = "global::Tether.Primitives.IJsonCodec";

    public const string CodecConverter = "global::Tether.Primitives.JsonCodecConverter";

    public static void WriteHeader(SourceWriter writer, string typeName, string type)
    {
        writer.WriteLine("/// <summary>Reads and writes " + XmlDoc.Code(typeName) + " without reflection.</summary>");
        writer.WriteLine("internal sealed class " + EmitContext.ConverterName(typeName) + " : " + CodecInterface + "<" + type + ">");
        writer.OpenBlock();
    }

    /// <summary>The System.Text.Json converter of a generated type: <c>JsonCodecConverter&lt;T, TConverter&gt;</c>.</summary>
    public static string ConverterOf(string modelType, string converterType) => CodecConverter + "<" + modelType + ", " + converterType + ">";
}
