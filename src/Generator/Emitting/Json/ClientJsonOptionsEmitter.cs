using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Json;

/// <summary>
/// The client class's half of the JSON contract: <c>public static JsonSerializerOptions JsonOptions</c>, emitted into
/// the user's partial class (in its own file, beside whatever the operations emitter adds to the same class).
/// </summary>
internal static class ClientJsonOptionsEmitter
{
    public static GeneratedFile Emit(EmitContext context)
    {
        var writer = new SourceWriter(2048);
        FileHeader.Write(writer, context, context.Target.Namespace);

        // No modifiers besides "partial": the user's declaration owns accessibility, static-ness and the base class.
        writer.WriteLine("partial class " + context.Target.ClassName);
        writer.OpenBlock();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The JSON settings of this client's models: generated, reflection-free converters for every model type");
        writer.WriteLine("/// (trim- and AOT-safe). Use them with <see cref=\"global::System.Text.Json.JsonSerializer\"/> to read or write");
        writer.WriteLine("/// models yourself, e.g. webhook payloads. The instance is read-only.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("public static " + TypeNames.JsonSerializerOptions + " JsonOptions { get; } = " + context.ResolverType + ".CreateOptions();");
        writer.CloseBlock();
        return new GeneratedFile(context.HintNamePrefix + ".JsonOptions.g.cs", writer.ToString());
    }
}
