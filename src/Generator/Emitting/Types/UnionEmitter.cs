using System.Collections.Generic;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Types;

/// <summary>
/// A oneOf/anyOf → <c>sealed partial class</c> holding exactly one variant: <c>From…</c> factories and implicit
/// conversions to build it, <c>Is…</c>/<c>As…()</c>/<c>TryGet…(out)</c> to read it, and an "unrecognized" state that
/// keeps JSON matching no variant as a <c>JsonElement</c>, written back unchanged.
/// </summary>
internal static class UnionEmitter
{
    public static void Emit(SourceWriter writer, UnionPlan plan, EmitContext context)
    {
        var model = plan.Model;
        var name = model.Name;
        XmlDoc.WriteSummary(writer, model.Description, "One of several shapes (" + XmlDoc.Code(name) + ").");
        XmlDoc.WriteRemarks(writer, "Exactly one variant is held; JSON that matches none is kept as is (see <see cref=\"IsUnrecognized\"/>).");
        GeneratedAttributes.WriteObsoleteIf(writer, model.Deprecated);
        GeneratedAttributes.WriteJsonConverter(writer, context, name);
        writer.WriteLine(context.Accessibility + " sealed partial class " + name);
        writer.OpenBlock();

        // Internal, not private: the converter reads them directly.
        writer.WriteLine("internal int _variant;");
        var hasReference = false;
        foreach (var variant in plan.Variants)
        {
            if (variant.IsValueType)
            {
                writer.WriteLine("internal " + variant.ModelsType + " " + variant.StorageField + ";");
            }
            else
            {
                hasReference = true;
            }
        }

        if (hasReference)
        {
            writer.WriteLine("internal object? _reference;");
        }

        writer.WriteLine("internal " + TypeNames.JsonElement + " _unrecognized;");
        writer.WriteLine();
        writer.WriteLine("private " + name + "() { }");

        foreach (var variant in plan.Variants)
        {
            WriteFactory(writer, name, variant);
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>Holds JSON as is, written back unchanged: for shapes newer than this client.</summary>");
        writer.WriteLine("public static " + name + " FromRawJson(" + TypeNames.JsonElement + " json) => new " + name + " { _unrecognized = json.Clone() };");
        writer.WriteLine();
        writer.WriteLine("internal static " + name + " FromUnrecognized(" + TypeNames.JsonElement + " json) => new " + name + " { _unrecognized = json };");

        foreach (var variant in plan.Variants)
        {
            WriteAccessors(writer, name, variant);
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>True when the JSON matched no variant; <see cref=\"Value\"/> is then its <see cref=\"global::System.Text.Json.JsonElement\"/>.</summary>");
        writer.WriteLine("public bool IsUnrecognized => _variant == 0;");
        writer.WriteLine();
        WriteValue(writer, plan);
        writer.WriteLine();
        WriteWrongVariant(writer, plan);
        writer.CloseBlock();
    }

    private static void WriteFactory(SourceWriter writer, string name, VariantPlan variant)
    {
        var tag = CSharpLiteral.Int(variant.Tag);
        var variantName = variant.Model.Name;
        writer.WriteLine();
        writer.WriteLine("/// <summary>Creates the " + XmlDoc.Code(variantName) + " variant.</summary>");
        var store = variant.IsValueType
            ? variant.StorageField + " = value"
            : variant.StorageField + " = value ?? throw new global::System.ArgumentNullException(nameof(value))";
        writer.WriteLine("public static " + name + " From" + variantName + "(" + variant.ModelsType + " value) => new " + name + " { _variant = " + tag + ", " + store + " };");
        if (variant.HasImplicitConversion)
        {
            writer.WriteLine("/// <summary>Creates the " + XmlDoc.Code(variantName) + " variant.</summary>");
            writer.WriteLine("public static implicit operator " + name + "(" + variant.ModelsType + " value) => From" + variantName + "(value);");
        }
    }

    private static void WriteAccessors(SourceWriter writer, string name, VariantPlan variant)
    {
        var tag = CSharpLiteral.Int(variant.Tag);
        var variantName = variant.Model.Name;
        var value = variant.ValueOf("this", EmitScope.Models);
        writer.WriteLine();
        writer.WriteLine("/// <summary>True when this holds the " + XmlDoc.Code(variantName) + " variant.</summary>");
        writer.WriteLine("public bool Is" + variantName + " => _variant == " + tag + ";");
        writer.WriteLine("/// <summary>The " + XmlDoc.Code(variantName) + " variant; throws <see cref=\"global::System.InvalidOperationException\"/> when another is held.</summary>");
        writer.WriteLine("public " + variant.ModelsType + " As" + variantName + "() => _variant == " + tag + " ? " + value + " : throw CreateWrongVariantException(" + CSharpLiteral.String(variantName) + ");");
        writer.WriteLine("/// <summary>Gets the " + XmlDoc.Code(variantName) + " variant when it is the one held.</summary>");
        var signature = variant.IsValueType
            ? "public bool TryGet" + variantName + "(out " + variant.ModelsType + " value)"
            : "public bool TryGet" + variantName + "([global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out " + variant.ModelsType + "? value)";
        writer.WriteLine(signature + " { value = _variant == " + tag + " ? " + value + " : default; return _variant == " + tag + "; }");
    }

    // Boxes value-type variants, but only when the caller asks for the untyped value.
    private static void WriteValue(SourceWriter writer, UnionPlan plan)
    {
        writer.WriteLine("/// <summary>The held variant as an object (for pattern matching), or the raw JSON when unrecognized.</summary>");
        writer.WriteLine("public object Value => _variant switch");
        writer.OpenBlock();
        foreach (var variant in plan.Variants)
        {
            writer.WriteLine(CSharpLiteral.Int(variant.Tag) + " => " + (variant.IsValueType ? variant.StorageField : "_reference!") + ",");
        }

        writer.WriteLine("_ => _unrecognized,");
        writer.CloseBlock(";");
    }

    private static void WriteWrongVariant(SourceWriter writer, UnionPlan plan)
    {
        writer.WriteLine("private global::System.InvalidOperationException CreateWrongVariantException(string requested)");
        writer.OpenBlock();
        writer.WriteLine("var held = _variant switch");
        writer.OpenBlock();
        foreach (var variant in plan.Variants)
        {
            writer.WriteLine(CSharpLiteral.Int(variant.Tag) + " => " + CSharpLiteral.String(variant.Model.Name) + ",");
        }

        writer.WriteLine("_ => \"unrecognized JSON\",");
        writer.CloseBlock(";");
        writer.WriteLine("return new global::System.InvalidOperationException(\"This " + plan.Model.Name + " holds \" + held + \", not \" + requested + \".\");");
        writer.CloseBlock();
    }
}
