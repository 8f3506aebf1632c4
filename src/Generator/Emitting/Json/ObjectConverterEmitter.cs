using System.Collections.Generic;
using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Json;

/// <summary>
/// The <c>JsonConverter&lt;T&gt;</c> of an object: reads with a byte-level property-name switch and writes with
/// pre-encoded names, skipping absent members. Unknown members go to the bag as <c>JsonElement</c>s, as do a JSON
/// null the schema does not allow and a value of another JSON kind than declared (so they, too, survive the round
/// trip, and the runtime records them: <c>GetMismatches()</c>).
/// </summary>
internal static class ObjectConverterEmitter
{
    private const EmitScope Scope = EmitScope.Json;

    public static void Emit(SourceWriter writer, ObjectPlan plan, EmitContext context)
    {
        var model = plan.Model;
        var type = context.ModelType(model.Name, Scope);
        ConverterSkeleton.WriteHeader(writer, model.Name, type, "StartObject");
        if (plan.Properties.Count > 0)
        {
            var names = new List<string>(plan.Properties.Count);
            foreach (var property in plan.Properties)
            {
                names.Add(property.Model.JsonName);
            }

            NameTableCode.WriteField(writer, NamesField, names);
            writer.WriteLine();
        }
        WriteRead(writer, plan, context, type);
        writer.WriteLine();
        WriteWrite(writer, plan, context, type);
        writer.CloseBlock();
    }

    private const string NamesField = "s_names";

    // A member's read longer than this (long type names) takes a few lines instead of one, one statement a line.
    private const int LongLine = 180;

    private static void WriteRead(SourceWriter writer, ObjectPlan plan, EmitContext context, string type)
    {
        writer.WriteLine("public static " + type + " ReadValue(ref Utf8JsonReader reader)");
        writer.OpenBlock();
        writer.WriteLine("JsonSupport.ExpectObject(ref reader);");
        writer.WriteLine("var result = new " + type + "(default(DeserializationTag));");
        if (plan.ExtensionValueType is null)
        {
            writer.WriteLine("ref var bag = ref result." + plan.ExtensionFieldName + ";");
        }

        writer.WriteLine("while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)");
        writer.OpenBlock();
        if (plan.Properties.Count > 0)
        {
            writer.WriteLine("switch (" + NamesField + ".Find(ref reader))");
            writer.OpenBlock();
            // One line per member, so that the switch reads as the table it is.
            foreach (var property in plan.Properties)
            {
                var label = "case " + CSharpLiteral.Int(property.Index) + ":";
                var statements = PropertyRead(property, plan, context);
                var oneLine = string.Join(" ", statements);
                if (label.Length + oneLine.Length <= LongLine)
                {
                    writer.WriteLine(label + " " + oneLine + " continue;");
                    continue;
                }

                writer.WriteLine(label);
                writer.Indent();
                foreach (var statement in statements)
                {
                    writer.WriteLine(statement);
                }

                writer.WriteLine("continue;");
                writer.Dedent();
            }

            writer.CloseBlock();
        }

        WriteUnknownMemberRead(writer, plan, context);
        writer.CloseBlock();
        WriteMissingRequired(writer, plan);
        writer.WriteLine("return result;");
        writer.CloseBlock();
    }

    // Every read goes through the property's setter (inlined by the JIT), which also sets "is set" flags. A value of
    // another JSON kind than declared, like a null the schema does not allow, goes to the bag under its JSON name
    // (written back as it came) and the property stays unset. That needs a bag of raw JSON: an object whose
    // additionalProperties are typed reads as declared or fails.
    private static string[] PropertyRead(PropertyPlan property, ObjectPlan plan, EmitContext context)
    {
        var model = property.Model;
        var target = "result." + model.Name;
        var tolerant = plan.ExtensionValueType is null;
        var expected = tolerant ? ExpectedToken.Of(model.Type, context) : null;
        var bag = "ref bag, " + CSharpLiteral.String(model.JsonName);
        var value = !tolerant && JsonValueCode.IsCollection(model.Type)
            ? JsonValueCode.ReadOrThrow(model.Type, context, scope: Scope)
            : ReadExpression(model, context);

        // A list or map is read inside the test: one with an item that does not fit is kept raw as a whole.
        string Fits(string kindTest)
        {
            if (!JsonValueCode.IsCollection(model.Type))
            {
                return kindTest;
            }

            var local = "v" + CSharpLiteral.Int(property.Index);
            var test = kindTest + " && JsonSupport.ItemsFit(" + value + ", out var " + local + ", ref reader, " + bag + ")";
            value = local;
            return test;
        }

        if (property.Storage == PropertyStorage.SetFlag)
        {
            if (expected is not null)
            {
                var test = Fits("JsonSupport.Is(ref reader, JsonTokenType." + expected + ", " + bag + ")");
                return new[] { "if (JsonSupport.NextIsNull(ref reader)) " + target + " = null;", "else if (" + test + ") " + target + " = " + value + ";" };
            }

            // Not "cond ? value : null": for an enum struct the null arm would bind to its implicit conversion from
            // string and throw, instead of making the Nullable<T> null.
            return new[] { "if (JsonSupport.NextIsNotNull(ref reader)) " + target + " = " + value + ";", "else " + target + " = null;" };
        }

        if (JsonValueCode.ReadsNullAsValue(model.Type))
        {
            return new[] { "reader.Read();", target + " = " + value + ";" };
        }

        var check = expected is not null ? Fits("JsonSupport.NextIs(ref reader, JsonTokenType." + expected + ", " + bag + ")")
            : tolerant ? "JsonSupport.NextIsValue(ref reader, " + bag + ")"
            : "JsonSupport.NextIsNotNull(ref reader)";
        return new[] { "if (" + check + ") " + target + " = " + value + ";" };
    }

    // Absent required members stay unset, as they always were; noted so that the caller can tell.
    private static void WriteMissingRequired(SourceWriter writer, ObjectPlan plan)
    {
        if (plan.ExtensionValueType is not null)
        {
            return;
        }

        foreach (var property in plan.Properties)
        {
            if (!property.Model.Required)
            {
                continue;
            }

            var absent = property.Storage == PropertyStorage.SetFlag ? "!result." + property.SetFlagName : property.PresenceValue("result") + " is null";
            writer.WriteLine("JsonSupport.Missing(ref bag, " + absent + ", " + CSharpLiteral.String(property.Model.JsonName) + ");");
        }
    }

    // A string constant read from the JSON is the literal itself when it matches: no string allocated for the
    // "object": "chat.completion" of every response.
    private static string ReadExpression(PropertyModel model, EmitContext context)
    {
        if (model.ConstValue is not null && model.Type.Kind == TypeRefKind.String)
        {
            return "(JsonSupport.ValueIs(ref reader, " + CSharpLiteral.Utf8(model.ConstValue) + ") ? " + CSharpLiteral.String(model.ConstValue) + " : reader.GetString()!)";
        }

        return JsonValueCode.Read(model.Type, context, scope: Scope);
    }

    private static void WriteUnknownMemberRead(SourceWriter writer, ObjectPlan plan, EmitContext context)
    {
        if (plan.ExtensionValueType is null)
        {
            writer.WriteLine("JsonSupport.ReadUnknownMember(ref reader, ref bag);");
            return;
        }

        writer.WriteLine("var key = reader.GetString()!;");
        writer.WriteLine("(result." + plan.ExtensionFieldName + " ??= new " + plan.ExtensionImplementationType(context, Scope) + "())[key] = JsonSupport.NextIsNotNull(ref reader) ? "
            + JsonValueCode.ReadOrThrow(plan.ExtensionValueType, context, scope: Scope) + " : default!;");
    }

    private static void WriteWrite(SourceWriter writer, ObjectPlan plan, EmitContext context, string type)
    {
        writer.WriteLine("public static void WriteValue(Utf8JsonWriter writer, " + type + " value)");
        writer.OpenBlock();
        writer.WriteLine("writer.WriteStartObject();");
        foreach (var property in plan.Properties)
        {
            var local = "v" + CSharpLiteral.Int(property.Index);
            var name = NamesField + ".Encoded(" + CSharpLiteral.Int(property.Index) + ")";
            var write = JsonValueCode.PropertyStatement(property.Model.Type, name, local, context);
            var test = "if (" + property.PresenceValue("value") + " is { } " + local + ") ";
            if (property.Storage != PropertyStorage.SetFlag)
            {
                writer.WriteLine(test + write);
                continue;
            }

            writer.WriteLine("if (value." + property.SetFlagName + ") { " + test + write + " else JsonSupport.WriteNull(writer, " + name + "); }");
        }

        if (plan.ExtensionValueType is null)
        {
            writer.WriteLine("JsonSupport.WriteUnknownMembers(writer, value." + plan.ExtensionFieldName + ");");
        }
        else
        {
            writer.WriteLine("if (value." + plan.ExtensionFieldName + " is { } extra)");
            writer.OpenBlock();
            writer.WriteLine("foreach (var pair in extra)");
            writer.OpenBlock();
            writer.WriteLine("writer.WritePropertyName(pair.Key);");
            if (plan.ExtensionValueType.IsValueType)
            {
                writer.WriteLine(JsonValueCode.Write(plan.ExtensionValueType, "pair.Value", context, scope: Scope));
            }
            else
            {
                writer.WriteLine("if (pair.Value is { } item)");
                writer.OpenBlock();
                writer.WriteLine(JsonValueCode.Write(plan.ExtensionValueType, "item", context, scope: Scope));
                writer.CloseBlock();
                writer.WriteLine("else");
                writer.OpenBlock();
                writer.WriteLine("writer.WriteNullValue();");
                writer.CloseBlock();
            }

            writer.CloseBlock();
            writer.CloseBlock();
        }

        writer.WriteLine("writer.WriteEndObject();");
        writer.CloseBlock();
    }
}
