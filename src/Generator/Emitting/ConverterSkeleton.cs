namespace Tether.Generator.Emitting;

/// <summary>
/// The part every generated converter shares: the class line and the two overrides, which only forward to the
/// static <c>ReadValue</c>/<c>WriteValue</c> that other converters call directly. Written in the JSON namespace.
/// </summary>
internal static class ConverterSkeleton
{
    public static void WriteHeader(SourceWriter writer, string typeName, string type)
    {
        writer.WriteLine("/// <summary>Reads and writes " + XmlDoc.Code(typeName) + " without reflection.</summary>");
        writer.WriteLine("internal sealed class " + EmitContext.ConverterName(typeName) + " : JsonConverter<" + type + ">");
        writer.OpenBlock();
    }

    public static void WriteOverrides(SourceWriter writer, string type)
    {
        writer.WriteLine("public override " + type + " Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);");
        writer.WriteLine();
        writer.WriteLine("public override void Write(Utf8JsonWriter writer, " + type + " value, JsonSerializerOptions options) => WriteValue(writer, value);");
        writer.WriteLine();
    }
}
