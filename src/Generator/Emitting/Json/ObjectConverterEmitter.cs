using System.Collections.Generic;
using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Json;

/// <summary>
/// The codec of an object, written as a table (<c>Tether.Primitives.IJsonObjectCodec</c>): the members' JSON names,
/// and one line per member handing it to <c>JsonMembers</c>, which reads, writes or checks it. The loops, the
/// tolerant reading (a value of another kind than declared is kept raw in the bag, and recorded) and the
/// required-member check are the runtime's, once for every type (<c>JsonObjectCodec</c>).
/// </summary>
internal static class ObjectConverterEmitter
{
    private const EmitScope Scope = EmitScope.Json;

    // A member's line longer than this (long type names) puts its call on a line of its own.
    private const int LongLine = 180;

    public static void Emit(SourceWriter writer, ObjectPlan plan, EmitContext context)
    {
        var model = plan.Model;
        var type = context.ModelType(model.Name, Scope);
        var codec = EmitContext.ConverterName(model.Name);
        writer.WriteLine("/// <summary>Reads and writes " + XmlDoc.Code(model.Name) + " without reflection: its members by number.</summary>");
        writer.WriteLine("internal readonly struct " + codec + " : IJsonObjectCodec<" + type + ", " + codec + ">");
        writer.OpenBlock();
        var names = new List<string>(plan.Properties.Count);
        foreach (var property in plan.Properties)
        {
            names.Add(property.Model.JsonName);
        }

        NameTableCode.WriteProperty(writer, NamesProperty, names);
        writer.WriteLine("public static object Create() => new " + type + "(default(DeserializationTag));");
        if (plan.ExtensionValueType is null)
        {
            writer.WriteLine("public static ref " + plan.ExtensionType(context, Scope) + "? UnknownMembers(object value) => ref ((" + type + ")value)." + plan.ExtensionFieldName + ";");
        }

        writer.WriteLine();
        WriteMembers(writer, plan, context, type);
        if (plan.ExtensionValueType is not null)
        {
            writer.WriteLine();
            WriteTypedExtension(writer, plan, context, type);
        }

        writer.CloseBlock();
    }

    private const string NamesProperty = "Names";

    // The object comes as object (see IJsonObjectMembers for why) and is cast once.
    private static void WriteMembers(SourceWriter writer, ObjectPlan plan, EmitContext context, string type)
    {
        // Inlined into the runtime's loops (each compiled for this codec), the table costs what the switch written out
        // in every loop did; only the compiler sees it once.
        writer.WriteLine("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        writer.WriteLine("public static void Member(ref JsonMembers json, object instance, int index)");
        writer.OpenBlock();
        if (plan.Properties.Count > 0)
        {
            writer.WriteLine("var value = (" + type + ")instance;");
            writer.WriteLine("switch (index)");
            writer.OpenBlock();
            foreach (var property in plan.Properties)
            {
                var label = "case " + CSharpLiteral.Int(property.Index) + ":";
                var statement = MemberStatement(property, plan, context);
                if (label.Length + statement.Length + 8 <= LongLine)
                {
                    writer.WriteLine(label + " " + statement + " return;");
                    continue;
                }

                writer.WriteLine(label);
                writer.Indent();
                writer.WriteLine(statement);
                writer.WriteLine("return;");
                writer.Dedent();
            }

            writer.CloseBlock();
        }

        writer.CloseBlock();
    }

    // value.X = json.Value<T, TCodec>(value.X[, ref value._isSet_X][, required: true]);
    // A member that may be null keeps its field and "is set" flag (set directly: the setter would mark it set on
    // writing too); a required value type lives in a nullable field; any other member goes through its property.
    private static string MemberStatement(PropertyPlan property, ObjectPlan plan, EmitContext context)
    {
        var model = property.Model;
        var target = "value." + (property.Storage == PropertyStorage.Auto ? model.Name : property.FieldName);
        var arguments = target;
        if (property.Storage == PropertyStorage.SetFlag)
        {
            arguments += ", ref value." + property.SetFlagName;
        }

        string call;
        if (model.ConstValue is not null && model.Type.Kind == TypeRefKind.String && property.Storage != PropertyStorage.SetFlag)
        {
            call = "json.Constant(" + arguments + ", " + CSharpLiteral.String(model.ConstValue) + ", " + CSharpLiteral.Utf8(model.ConstValue);
        }
        else
        {
            var method = model.Type.IsValueType ? "Struct" : "Value";
            call = "json." + method + "<" + TypeNames.Of(model.Type, context, Scope) + ", " + CodecNames.Of(model.Type, context, Scope) + ">(" + arguments;
        }

        if (model.Required && plan.ExtensionValueType is null)
        {
            call += ", required: true";
        }

        // A required member of a reference type is declared non-nullable, though it is null until read or set.
        var suppress = property.Storage == PropertyStorage.Auto && !property.PropertyIsNullable && !model.Type.IsValueType ? "!" : string.Empty;
        return target + " = " + call + ")" + suppress + ";";
    }

    // additionalProperties with a schema: the unknown members are typed values in a dictionary of their own, and a
    // value that does not fit is an error (there is no raw bag to keep it in).
    private static void WriteTypedExtension(SourceWriter writer, ObjectPlan plan, EmitContext context, string type)
    {
        var field = "value." + plan.ExtensionFieldName;
        writer.WriteLine("public static void ReadUnknownMember(ref Utf8JsonReader reader, object instance)");
        writer.OpenBlock();
        writer.WriteLine("var value = (" + type + ")instance;");
        writer.WriteLine("var key = reader.GetString()!;");
        writer.WriteLine("(" + field + " ??= new " + plan.ExtensionImplementationType(context, Scope) + "())[key] = JsonSupport.NextIsNotNull(ref reader) ? "
            + JsonValueCode.ReadOrThrow(plan.ExtensionValueType!, context, scope: Scope) + " : default!;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("public static void WriteUnknownMembers(Utf8JsonWriter writer, object instance)");
        writer.OpenBlock();
        writer.WriteLine("if (((" + type + ")instance)." + plan.ExtensionFieldName + " is not { } extra)");
        writer.OpenBlock();
        writer.WriteLine("return;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("foreach (var pair in extra)");
        writer.OpenBlock();
        writer.WriteLine("writer.WritePropertyName(pair.Key);");
        if (plan.ExtensionValueType!.IsValueType)
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
}
