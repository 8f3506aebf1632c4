using System.Collections.Generic;
using Tether.Generator.Model;

namespace Tether.Generator.Emitting;

/// <summary>
/// The converter of an extensible enum. Known values are matched on the UTF-8 bytes and returned as the interned
/// static value (no string allocated); only an unknown value allocates its string.
/// </summary>
internal static class EnumConverterEmitter
{
    public static void Emit(SourceWriter writer, EnumTypeModel model, EmitContext context)
    {
        var type = context.ModelType(model.Name, EmitScope.Json);
        ConverterSkeleton.WriteHeader(writer, model.Name, type);
        ConverterSkeleton.WriteOverrides(writer, type);

        writer.WriteLine("internal static " + type + " ReadValue(ref Utf8JsonReader reader)");
        writer.OpenBlock();
        writer.WriteLine("if (TryReadKnownValue(ref reader, out var known))");
        writer.OpenBlock();
        writer.WriteLine("return known;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("if (reader.TokenType != JsonTokenType.String)");
        writer.OpenBlock();
        writer.WriteLine("throw JsonSupport.UnexpectedToken(reader.TokenType, \"a string\");");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return new " + type + "(reader.GetString()!);");
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine("/// <summary>True when the reader is on a string this enum lists (unions use it to pick a variant).</summary>");
        writer.WriteLine("internal static bool TryReadKnownValue(ref Utf8JsonReader reader, out " + type + " value)");
        writer.OpenBlock();
        if (model.Members.Count > 0)
        {
            writer.WriteLine("if (reader.TokenType == JsonTokenType.String)");
            writer.OpenBlock();
            writer.WriteLine("var text = JsonSupport.ValueBytes(ref reader);");
            var cases = new List<Utf8Case>(model.Members.Count);
            foreach (var member in model.Members)
            {
                var current = member;
                cases.Add(new Utf8Case(member.Value, w =>
                {
                    w.WriteLine("value = " + type + "." + current.Name + ";");
                    w.WriteLine("return true;");
                }));
            }

            Utf8Switch.Write(writer, "text", cases);
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("value = default;");
        writer.WriteLine("return false;");
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine("internal static void WriteValue(Utf8JsonWriter writer, " + type + " value)");
        writer.OpenBlock();
        writer.WriteLine("writer.WriteStringValue(value.ToString());");
        writer.CloseBlock();
        writer.CloseBlock();
    }
}
