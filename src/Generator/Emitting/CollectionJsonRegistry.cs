using System.Collections.Generic;
using Tether.Generator.Model;

namespace Tether.Generator.Emitting;

/// <summary>
/// One read and one write method per distinct list/map type, shared by every converter that needs it, instead of the
/// same loop inlined at each of the ~900 array and map properties of a large spec. Converters register types while
/// they are emitted; <see cref="Emit"/> then writes the static class (registering nested element types as it goes).
/// </summary>
internal sealed class CollectionJsonRegistry
{
    public const string ClassName = "JsonCollections";

    private readonly EmitContext _context;
    private readonly Dictionary<TypeRef, string> _names = new();
    private readonly HashSet<string> _usedNames = new(System.StringComparer.Ordinal);
    private readonly List<TypeRef> _registered = new();

    public CollectionJsonRegistry(EmitContext context) => _context = context;

    public int Count => _registered.Count;

    public string ReadMethod(TypeRef collection, EmitScope scope = EmitScope.Global) => _context.JsonType(ClassName, scope) + ".Read" + Register(collection);

    public string WriteMethod(TypeRef collection, EmitScope scope = EmitScope.Global) => _context.JsonType(ClassName, scope) + ".Write" + Register(collection);

    // The helpers sit in the JSON namespace's file, with its usings.
    private const EmitScope Scope = EmitScope.Json;

    public void Emit(SourceWriter writer)
    {
        writer.WriteLine("/// <summary>Reads and writes the lists and maps of the generated types.</summary>");
        writer.WriteLine("internal static class " + ClassName);
        writer.OpenBlock();

        // Emitting a helper can register its element's helper, so the list grows while it is walked.
        for (var i = 0; i < _registered.Count; i++)
        {
            if (i > 0)
            {
                writer.WriteLine();
            }

            var collection = _registered[i];
            if (collection.Kind == TypeRefKind.Map)
            {
                EmitMap(writer, collection, _names[collection]);
            }
            else
            {
                EmitList(writer, collection, _names[collection]);
            }
        }

        writer.CloseBlock();
    }

    private string Register(TypeRef collection)
    {
        if (_names.TryGetValue(collection, out var existing))
        {
            return existing;
        }

        var baseName = (collection.Kind == TypeRefKind.Map ? "MapOf" : "ListOf") + NamePart(collection.Element ?? TypeRef.Any, collection.ElementNullable);
        var name = baseName;
        for (var suffix = 2; !_usedNames.Add(name); suffix++)
        {
            name = baseName + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _names.Add(collection, name);
        _registered.Add(collection);
        return name;
    }

    private static string NamePart(TypeRef type, bool nullable)
    {
        var part = type.Kind switch
        {
            TypeRefKind.Any => "Json",
            TypeRefKind.Named => type.Name!,
            TypeRefKind.Array => "ListOf" + NamePart(type.Element ?? TypeRef.Any, type.ElementNullable),
            TypeRefKind.Map => "MapOf" + NamePart(type.Element ?? TypeRef.Any, type.ElementNullable),
            _ => type.Kind.ToString(),
        };

        return nullable ? "Nullable" + part : part;
    }

    private void EmitList(SourceWriter writer, TypeRef list, string name)
    {
        var element = list.Element ?? TypeRef.Any;
        var elementType = TypeNames.ElementOf(list, _context, Scope);
        var listType = TypeNames.Of(list, _context, Scope);

        writer.WriteLine("internal static " + listType + "? Read" + name + "(ref Utf8JsonReader reader)");
        writer.OpenBlock();
        writer.WriteLine("if (reader.TokenType != JsonTokenType.StartArray)");
        writer.OpenBlock();
        writer.WriteLine("throw JsonSupport.UnexpectedToken(reader.TokenType, \"an array\");");
        writer.CloseBlock();
        writer.WriteLine();
        var checksItems = WriteStartCopy(writer, element);
        writer.WriteLine("var list = new List<" + elementType + ">();");
        writer.WriteLine("while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)");
        writer.OpenBlock();
        WriteNullElementRead(writer, list, "list.Add(", ");");
        writer.WriteLine("list.Add(" + WriteItemRead(writer, element, checksItems) + ");");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return list;");
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine("internal static void Write" + name + "(Utf8JsonWriter writer, " + listType + " list)");
        writer.OpenBlock();
        writer.WriteLine("writer.WriteStartArray();");
        writer.WriteLine("for (var i = 0; i < list.Count; i++)");
        writer.OpenBlock();
        WriteElement(writer, list, "list[i]");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("writer.WriteEndArray();");
        writer.CloseBlock();
    }

    private void EmitMap(SourceWriter writer, TypeRef map, string name)
    {
        var element = map.Element ?? TypeRef.Any;
        var elementType = TypeNames.ElementOf(map, _context, Scope);
        var mapType = TypeNames.Of(map, _context, Scope);
        var implementation = TypeNames.ImplementationOf(map, _context, Scope);

        writer.WriteLine("internal static " + mapType + "? Read" + name + "(ref Utf8JsonReader reader)");
        writer.OpenBlock();
        writer.WriteLine("if (reader.TokenType != JsonTokenType.StartObject)");
        writer.OpenBlock();
        writer.WriteLine("throw JsonSupport.UnexpectedToken(reader.TokenType, \"an object\");");
        writer.CloseBlock();
        writer.WriteLine();
        var checksItems = WriteStartCopy(writer, element);
        writer.WriteLine("var map = new " + implementation + "();");
        writer.WriteLine("while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)");
        writer.OpenBlock();
        writer.WriteLine("var key = reader.GetString()!;");
        writer.WriteLine("reader.Read();");
        WriteNullElementRead(writer, map, "map[key] = ", ";");
        writer.WriteLine("map[key] = " + WriteItemRead(writer, element, checksItems) + ";");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return map;");
        writer.CloseBlock();
        writer.WriteLine();

        // Enumerating through the interface boxes the enumerator; the concrete Dictionary (what reading and most
        // callers produce) is enumerated with its struct enumerator instead.
        writer.WriteLine("internal static void Write" + name + "(Utf8JsonWriter writer, " + mapType + " map)");
        writer.OpenBlock();
        writer.WriteLine("writer.WriteStartObject();");
        writer.WriteLine("if (map is " + implementation + " concrete)");
        writer.OpenBlock();
        writer.WriteLine("foreach (var pair in concrete)");
        writer.OpenBlock();
        writer.WriteLine("writer.WritePropertyName(pair.Key);");
        WriteElement(writer, map, "pair.Value");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine("else");
        writer.OpenBlock();
        writer.WriteLine("foreach (var pair in map)");
        writer.OpenBlock();
        writer.WriteLine("writer.WritePropertyName(pair.Key);");
        WriteElement(writer, map, "pair.Value");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("writer.WriteEndObject();");
        writer.CloseBlock();
    }

    // An item of another JSON kind than declared makes the whole collection a mismatch: null is returned with the
    // reader back on the collection's first token, so that the caller can keep it raw (or fail, where it cannot).
    // The copy is only made for items that are checked: raw JSON and unions take any kind.
    private bool WriteStartCopy(SourceWriter writer, TypeRef element)
    {
        if (ExpectedToken.Of(element, _context) is null)
        {
            return false;
        }

        writer.WriteLine("var start = reader;");
        return true;
    }

    // Checks the item (when its kind is checked) and returns the expression that reads it.
    private string WriteItemRead(SourceWriter writer, TypeRef element, bool checksItems)
    {
        if (!checksItems)
        {
            return JsonValueCode.Read(element, _context, scope: Scope);
        }

        var test = "!" + ExpectedToken.Test(ExpectedToken.Of(element, _context)!);
        var read = JsonValueCode.Read(element, _context, scope: Scope);
        if (JsonValueCode.IsCollection(element))
        {
            test += " || " + read + " is not { } item";
            read = "item";
        }

        writer.WriteLine("if (" + test + ")");
        writer.OpenBlock();
        writer.WriteLine("reader = start;");
        writer.WriteLine("return null;");
        writer.CloseBlock();
        writer.WriteLine();
        return read;
    }

    // A null item is kept as null: in a nullable-item collection that is the value; in any other collection of a
    // reference type it is what the server sent (a response that breaks its schema still deserializes).
    private void WriteNullElementRead(SourceWriter writer, TypeRef collection, string prefix, string suffix)
    {
        var element = collection.Element ?? TypeRef.Any;
        if (!collection.ElementNullable && (element.IsValueType || JsonValueCode.ReadsNullAsValue(element)))
        {
            return;
        }

        writer.WriteLine("if (reader.TokenType == JsonTokenType.Null)");
        writer.OpenBlock();
        writer.WriteLine(prefix + (collection.ElementNullable ? "null" : "null!") + suffix);
        writer.WriteLine("continue;");
        writer.CloseBlock();
        writer.WriteLine();
    }

    private void WriteElement(SourceWriter writer, TypeRef collection, string item)
    {
        var element = collection.Element ?? TypeRef.Any;
        if (!collection.ElementNullable && element.IsValueType)
        {
            writer.WriteLine(JsonValueCode.Write(element, item, _context, scope: Scope));
            return;
        }

        writer.WriteLine("if (" + item + " is { } element)");
        writer.OpenBlock();
        writer.WriteLine(JsonValueCode.Write(element, "element", _context, scope: Scope));
        writer.CloseBlock();
        writer.WriteLine("else");
        writer.OpenBlock();
        writer.WriteLine("writer.WriteNullValue();");
        writer.CloseBlock();
    }
}
