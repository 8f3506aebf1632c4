using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Text;

/// <summary>Attribute lines shared by the type emitters.</summary>
internal static class GeneratedAttributes
{
    public const string ObsoleteMessage = "Deprecated in the OpenAPI description.";

    public static void WriteObsoleteIf(SourceWriter writer, bool deprecated)
    {
        if (deprecated)
        {
            writer.WriteLine("[global::System.Obsolete(" + CSharpLiteral.String(ObsoleteMessage) + ")]");
        }
    }

    /// <summary>
    /// Lets the type serialize with any options (e.g. a consumer's own JsonSerializerContext in another project) through
    /// the generated converter; the generated resolver does not depend on it.
    /// </summary>
    public static void WriteJsonConverter(SourceWriter writer, EmitContext context, string typeName)
    {
        writer.WriteLine("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + ConverterSkeleton.ConverterOf(typeName, context, EmitScope.Global) + "))]");
    }
}
