using System.Collections.Generic;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Json;

/// <summary>
/// The client's <c>IJsonTypeInfoResolver</c>: a type → index dictionary and a switch creating
/// <c>JsonMetadataServices.CreateValueInfo&lt;T&gt;</c> over the generated converter, so that
/// <c>JsonSerializer</c> with the client's options works for every generated type without reflection (trim- and
/// AOT-safe), and <c>(JsonTypeInfo&lt;T&gt;)JsonOptions.GetTypeInfo(typeof(T))</c> feeds the runtime.
/// </summary>
internal static class JsonResolverEmitter
{
    public const string ClassName = "GeneratedTypeInfoResolver";

    private const EmitScope Scope = EmitScope.Json;

    // Built-in converters for the scalars a caller may serialize on their own with the same options.
    private static readonly (string Type, string Converter)[] Scalars =
    {
        ("string", "StringConverter"),
        ("bool", "BooleanConverter"),
        ("int", "Int32Converter"),
        ("long", "Int64Converter"),
        ("double", "DoubleConverter"),
        ("float", "SingleConverter"),
        ("JsonElement", "JsonElementConverter"),
    };

    public static void Emit(SourceWriter writer, EmitContext context, IReadOnlyList<string> typeNames)
    {
        writer.WriteLine("/// <summary>Type information for every generated type, from the generated converters.</summary>");
        writer.WriteLine("internal sealed class " + ClassName + " : IJsonTypeInfoResolver");
        writer.OpenBlock();
        writer.WriteLine("private static readonly " + "Dictionary<Type, int> s_indexes = CreateIndexes();");
        writer.WriteLine();
        writer.WriteLine("internal static JsonSerializerOptions CreateOptions()");
        writer.OpenBlock();
        writer.WriteLine("var options = new JsonSerializerOptions");
        writer.OpenBlock();
        writer.WriteLine("TypeInfoResolver = new " + ClassName + "(),");
        writer.WriteLine("// API payloads are never embedded in HTML: escaping every non-ASCII character would only make them longer and slower.");
        writer.WriteLine("Encoder = global::System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,");
        writer.CloseBlock(";");
        writer.WriteLine("options.MakeReadOnly();");
        writer.WriteLine("return options;");
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine("public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)");
        writer.OpenBlock();
        writer.WriteLine("if (!s_indexes.TryGetValue(type, out var index))");
        writer.OpenBlock();
        writer.WriteLine("return null;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("switch (index)");
        writer.OpenBlock();
        var index = 0;
        foreach (var name in typeNames)
        {
            writer.WriteLine("case " + CSharpLiteral.Int(index++) + ": return JsonMetadataServices.CreateValueInfo<" + context.ModelType(name, Scope) + ">(options, new " + ConverterSkeleton.ConverterOf(name, context, Scope) + "());");
        }

        foreach (var (type, converter) in Scalars)
        {
            writer.WriteLine("case " + CSharpLiteral.Int(index++) + ": return JsonMetadataServices.CreateValueInfo<" + type + ">(options, JsonMetadataServices." + converter + ");");
        }

        writer.WriteLine("default:");
        writer.Indent();
        writer.WriteLine("return null;");
        writer.Dedent();
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine("private static " + "Dictionary<Type, int> CreateIndexes()");
        writer.OpenBlock();
        writer.WriteLine("var indexes = new " + "Dictionary<Type, int>(" + CSharpLiteral.Int(typeNames.Count + Scalars.Length) + ");");
        index = 0;
        foreach (var name in typeNames)
        {
            writer.WriteLine("indexes.Add(typeof(" + context.ModelType(name, Scope) + "), " + CSharpLiteral.Int(index++) + ");");
        }

        foreach (var (type, _) in Scalars)
        {
            writer.WriteLine("indexes.Add(typeof(" + type + "), " + CSharpLiteral.Int(index++) + ");");
        }

        writer.WriteLine("return indexes;");
        writer.CloseBlock();
        writer.CloseBlock();
    }
}
