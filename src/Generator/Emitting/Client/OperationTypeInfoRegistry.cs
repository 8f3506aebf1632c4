using System.Collections.Generic;
using Tether.Generator.Model;
using Tether.Generator.Translating;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;

namespace Tether.Generator.Emitting.Client;

/// <summary>
/// The <c>JsonTypeInfo&lt;T&gt;</c> of every type an operation sends or receives as JSON, each in a lazily filled static
/// field of one nested class, so that a call costs no options lookup and an application that uses three operations
/// never builds the metadata of the other 285. Types the client's resolver knows (generated types, scalars,
/// <c>JsonElement</c>) come from <c>JsonOptions</c>; any other shape (a top-level list or map, a Unix time) gets a
/// small converter over the same read/write code the model converters use.
/// </summary>
internal sealed class OperationTypeInfoRegistry
{
    // A property longer than this (long type names, written in full) continues on a second line.
    private const int LongLine = 200;

    /// <summary>Nested in the client class; private, reached from the operation group classes nested beside it.</summary>
    public const string ClassName = "OperationTypeInfo";

    private const string Metadata = "global::System.Text.Json.Serialization.Metadata";

    private readonly EmitContext _context;
    private readonly Dictionary<TypeRef, Entry> _entries = new();
    private readonly List<Entry> _ordered = new();
    // A member named like its class would not compile (CS0542).
    private readonly NameScope _usedNames = new(new[] { ClassName });

    public OperationTypeInfoRegistry(EmitContext context)
    {
        _context = context;
    }

    public int Count => _ordered.Count;

    /// <summary>An expression of type <c>JsonTypeInfo&lt;T&gt;</c> for <paramref name="type"/>, registering it on first use.</summary>
    public string For(TypeRef type)
    {
        if (!_entries.TryGetValue(type, out var entry))
        {
            entry = new Entry(type, _usedNames.Claim(NameOf(type)), TypeNames.Of(type, _context));
            _entries.Add(type, entry);
            _ordered.Add(entry);
        }

        return ClassName + "." + entry.Name;
    }

    public void Emit(SourceWriter writer)
    {
        writer.WriteLine("/// <summary>JSON metadata of the operations' bodies, responses and events, created on first use.</summary>");
        writer.WriteLine("private static class " + ClassName);
        writer.OpenBlock();
        var first = true;
        foreach (var entry in _ordered)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            var infoType = Metadata + ".JsonTypeInfo<" + entry.CSharpType + ">";
            var field = "s_" + entry.Name;
            writer.WriteLine("private static " + infoType + "? " + field + ";");
            var declaration = "internal static " + infoType + " " + entry.Name;
            var body = "=> " + field + " ??= " + Create(entry, infoType) + ";";
            if (declaration.Length + body.Length <= LongLine)
            {
                writer.WriteLine(declaration + " " + body);
                continue;
            }

            writer.WriteLine(declaration);
            writer.Indent();
            writer.WriteLine(body);
            writer.Dedent();
        }

        foreach (var entry in _ordered)
        {
            if (!IsKnownToResolver(entry.Type))
            {
                writer.WriteLine();
                EmitConverter(writer, entry);
            }
        }

        writer.CloseBlock();
    }

    private string Create(Entry entry, string infoType)
    {
        var options = _context.ClientType + ".JsonOptions";
        return IsKnownToResolver(entry.Type)
            ? "(" + infoType + ")" + options + ".GetTypeInfo(typeof(" + entry.CSharpType + "))"
            : Metadata + ".JsonMetadataServices.CreateValueInfo<" + entry.CSharpType + ">(" + options + ", new " + ConverterName(entry) + "())";
    }

    // What the generated resolver (JsonResolverEmitter) answers for: every generated type and a few scalars.
    private static bool IsKnownToResolver(TypeRef type) => type.Kind is TypeRefKind.Named or TypeRefKind.Any or TypeRefKind.String
        or TypeRefKind.Date or TypeRefKind.Boolean or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Single;

    private void EmitConverter(SourceWriter writer, Entry entry)
    {
        var type = entry.CSharpType;
        writer.WriteLine("private sealed class " + ConverterName(entry) + " : global::System.Text.Json.Serialization.JsonConverter<" + type + ">");
        writer.OpenBlock();
        writer.WriteLine("public override " + type + " Read(ref " + TypeNames.Utf8JsonReader + " reader, global::System.Type typeToConvert, " + TypeNames.JsonSerializerOptions + " options)");
        writer.OpenBlock();
        writer.WriteLine("return " + JsonValueCode.ReadOrThrow(entry.Type, _context) + ";");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("public override void Write(" + TypeNames.Utf8JsonWriter + " writer, " + type + " value, " + TypeNames.JsonSerializerOptions + " options)");
        writer.OpenBlock();
        writer.WriteLine(JsonValueCode.Write(entry.Type, "value", _context));
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static string ConverterName(Entry entry) => entry.Name + "Converter";

    private static string NameOf(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Named => type.Name!,
        TypeRefKind.Array => "ListOf" + NameOf(type.Element ?? TypeRef.Any),
        TypeRefKind.Map => "MapOf" + NameOf(type.Element ?? TypeRef.Any),
        TypeRefKind.Any => "Json",
        _ => type.Kind.ToString(),
    };

    private sealed class Entry
    {
        public Entry(TypeRef type, string name, string csharpType)
        {
            Type = type;
            Name = name;
            CSharpType = csharpType;
        }

        public TypeRef Type { get; }

        public string Name { get; }

        public string CSharpType { get; }
    }
}
