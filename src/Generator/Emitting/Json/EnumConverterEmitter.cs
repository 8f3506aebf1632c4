using System.Collections.Generic;
using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Json;

/// <summary>
/// The converter of an extensible enum. A known value is looked up in the converter's name table and wraps the
/// table's own string (no string allocated); only an unknown value allocates its string.
/// </summary>
internal static class EnumConverterEmitter
{
    private const string ValuesField = "s_values";

    public static void Emit(SourceWriter writer, EnumTypeModel model, EmitContext context)
    {
        var type = context.ModelType(model.Name, EmitScope.Json);
        ConverterSkeleton.WriteHeader(writer, model.Name, type, "String");
        var values = new List<string>(model.Members.Count);
        foreach (var member in model.Members)
        {
            values.Add(member.Value);
        }

        NameTableCode.WriteField(writer, ValuesField, values);
        writer.WriteLine();

        writer.WriteLine("public static " + type + " ReadValue(ref Utf8JsonReader reader) => new " + type + "(" + ValuesField + ".ReadString(ref reader));");
        writer.WriteLine("/// <summary>True when the reader is on a string this enum lists (unions use it to pick a variant).</summary>");
        writer.WriteLine("internal static bool TryReadKnownValue(ref Utf8JsonReader reader, out " + type + " value)");
        writer.OpenBlock();
        writer.WriteLine("var known = " + ValuesField + ".FindString(ref reader);");
        writer.WriteLine("value = known is null ? default : new " + type + "(known);");
        writer.WriteLine("return known is not null;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("public static void WriteValue(Utf8JsonWriter writer, " + type + " value) => writer.WriteStringValue(value.ToString());");
        writer.CloseBlock();
    }
}
