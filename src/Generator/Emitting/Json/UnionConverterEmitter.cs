using System.Collections.Generic;
using System.Linq;
using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Json;

/// <summary>
/// The converter of a union. Reading picks the variant by the JSON token kind; among several object variants it
/// looks ahead on a copy of the reader (no JsonDocument) at the "const" properties — discriminator first — and the
/// required property names, and stops looking as soon as a discriminator value names exactly one variant. JSON that
/// fits no variant is kept raw, never an exception.
/// </summary>
internal static class UnionConverterEmitter
{
    public static void Emit(SourceWriter writer, UnionPlan plan, EmitContext context)
    {
        var type = context.ModelType(plan.Model.Name, EmitScope.Json);
        ConverterSkeleton.WriteHeader(writer, plan.Model.Name, type, "None");

        var candidates = new Candidates(plan);
        WriteRead(writer, plan, candidates, context, type);
        if (candidates.Objects.Count > 1)
        {
            writer.WriteLine();
            ObjectVariantSelector.Write(writer, plan, candidates.Objects);
        }

        if (candidates.Arrays.Count > 1)
        {
            writer.WriteLine();
            WriteArraySelector(writer, candidates.Arrays, context);
        }

        writer.WriteLine();
        WriteWrite(writer, plan, context, type);
        writer.CloseBlock();
    }

    private static void WriteRead(SourceWriter writer, UnionPlan plan, Candidates candidates, EmitContext context, string type)
    {
        writer.WriteLine("public static " + type + " ReadValue(ref Utf8JsonReader reader)");
        writer.OpenBlock();
        var sections = new List<(string[] Labels, System.Func<SourceWriter, bool> Body)>();
        if (candidates.Objects.Count > 0)
        {
            sections.Add((new[] { "StartObject" }, w => WriteSelected(w, candidates.Objects, "SelectObjectVariant", type, context)));
        }

        if (candidates.Arrays.Count > 0)
        {
            sections.Add((new[] { "StartArray" }, w => WriteSelected(w, candidates.Arrays, "SelectArrayVariant", type, context)));
        }

        if (candidates.Strings.Count > 0)
        {
            sections.Add((new[] { "String" }, w => WriteStringSection(w, candidates.Strings, type, context)));
        }

        if (candidates.Numbers.Count > 0)
        {
            sections.Add((new[] { "Number" }, w => WriteNumberSection(w, candidates.Numbers, type, context)));
        }

        if (candidates.Booleans.Count > 0)
        {
            sections.Add((new[] { "True", "False" }, w =>
            {
                w.WriteLine(ReturnVariant(candidates.Booleans[0], type, context));
                return true;
            }));
        }

        if (sections.Count > 0)
        {
            writer.WriteLine("switch (reader.TokenType)");
            writer.OpenBlock();
            foreach (var (labels, body) in sections)
            {
                foreach (var label in labels)
                {
                    writer.WriteLine("case JsonTokenType." + label + ":");
                }

                writer.Indent();
                if (!body(writer))
                {
                    writer.WriteLine("break;");
                }

                writer.Dedent();
            }

            writer.CloseBlock();
            writer.WriteLine();
        }

        // Null and anything unmatched: the catch-all variant if there is one, else kept raw for the round trip.
        writer.WriteLine(candidates.Any is { } any
            ? "return " + type + ".From" + any.Model.Name + "(JsonElement.ParseValue(ref reader));"
            : "return " + type + ".FromUnrecognized(JsonElement.ParseValue(ref reader));");
        writer.CloseBlock();
    }

    // A list or map variant with an item that does not fit is kept raw (the reader is back on its first token).
    private static string ReturnVariant(VariantPlan variant, string type, EmitContext context)
    {
        var read = JsonValueCode.Read(variant.Model.Type, context, scope: EmitScope.Json);
        var local = "items" + CSharpLiteral.Int(variant.Tag);
        return JsonValueCode.IsCollection(variant.Model.Type)
            ? "return " + read + " is { } " + local + " ? " + type + ".From" + variant.Model.Name + "(" + local + ") : " + type + ".FromUnrecognized(JsonElement.ParseValue(ref reader));"
            : "return " + type + ".From" + variant.Model.Name + "(" + read + ");";
    }

    // One candidate: read it. Several: a selector method returns the tag (0 = none fits) and a switch reads it.
    private static bool WriteSelected(SourceWriter writer, IReadOnlyList<VariantPlan> variants, string selector, string type, EmitContext context)
    {
        if (variants.Count == 1)
        {
            writer.WriteLine(ReturnVariant(variants[0], type, context));
            return true;
        }

        writer.WriteLine("switch (" + selector + "(ref reader))");
        writer.OpenBlock();
        foreach (var variant in variants)
        {
            writer.WriteLine("case " + CSharpLiteral.Int(variant.Tag) + ": " + ReturnVariant(variant, type, context));
        }

        writer.CloseBlock();
        writer.WriteLine();
        return false;
    }

    // Several string variants: a listed value of an enum variant wins, then a plain string variant, then a nested
    // union, then the first enum (an extensible enum takes any string).
    private static bool WriteStringSection(SourceWriter writer, IReadOnlyList<VariantPlan> variants, string type, EmitContext context)
    {
        if (variants.Count == 1)
        {
            writer.WriteLine(ReturnVariant(variants[0], type, context));
            return true;
        }

        VariantPlan? firstEnum = null;
        foreach (var variant in variants)
        {
            if (variant.Model.Type is { Kind: TypeRefKind.Named, NamedKind: NamedTypeKind.Enum } && context.FindType(variant.Model.Type) is EnumTypeModel)
            {
                firstEnum ??= variant;
                var local = "known" + CSharpLiteral.Int(variant.Tag);
                writer.WriteLine("if (" + context.ConverterType(variant.Model.Type.Name!, EmitScope.Json) + ".TryReadKnownValue(ref reader, out var " + local + "))");
                writer.OpenBlock();
                writer.WriteLine("return " + type + ".From" + variant.Model.Name + "(" + local + ");");
                writer.CloseBlock();
                writer.WriteLine();
            }
        }

        var fallback = variants.FirstOrDefault(v => v.Model.Type.Kind is TypeRefKind.String or TypeRefKind.Date or TypeRefKind.Binary)
            ?? variants.FirstOrDefault(v => v.Model.Type.Kind == TypeRefKind.Named && v.Model.Type.NamedKind != NamedTypeKind.Enum)
            ?? firstEnum
            ?? variants[0];
        writer.WriteLine(ReturnVariant(fallback, type, context));
        return true;
    }

    // Integral numbers go to the first integer variant they fit, then to a floating-point one; a number that fits no
    // variant (a fraction for an int, an int64 for an int32) falls through to the raw fallback instead of throwing.
    private static bool WriteNumberSection(SourceWriter writer, IReadOnlyList<VariantPlan> variants, string type, EmitContext context)
    {
        var ordered = variants.Where(v => (v.Kinds & TokenKinds.Number) == 0).Concat(variants.Where(v => (v.Kinds & TokenKinds.Number) != 0));
        foreach (var variant in ordered)
        {
            var local = "number" + CSharpLiteral.Int(variant.Tag);
            var from = "return " + type + ".From" + variant.Model.Name + "(";
            string? test = variant.Model.Type.Kind switch
            {
                TypeRefKind.Int32 => "reader.TryGetInt32(out var " + local + ")",
                TypeRefKind.Int64 => "reader.TryGetInt64(out var " + local + ")",
                TypeRefKind.Double => "reader.TryGetDouble(out var " + local + ")",
                TypeRefKind.Single => "reader.TryGetSingle(out var " + local + ")",
                TypeRefKind.UnixTime => "reader.TryGetInt64(out _)",
                _ => null,
            };

            if (test is null)
            {
                // A nested union decides (and falls back) by itself.
                writer.WriteLine(ReturnVariant(variant, type, context));
                return true;
            }

            writer.WriteLine("if (" + test + ")");
            writer.OpenBlock();
            writer.WriteLine(variant.Model.Type.Kind == TypeRefKind.UnixTime
                ? from + "JsonSupport.ReadUnixTime(ref reader));"
                : from + local + ");");
            writer.CloseBlock();
            writer.WriteLine();
        }

        return false;
    }

    // Several array variants (string[] | int[] | int[][]): the first element's token decides; an empty array is the
    // first array variant.
    private static void WriteArraySelector(SourceWriter writer, IReadOnlyList<VariantPlan> variants, EmitContext context)
    {
        writer.WriteLine("private static int SelectArrayVariant(ref Utf8JsonReader reader)");
        writer.OpenBlock();
        writer.WriteLine("var probe = reader;");
        writer.WriteLine("probe.Read();");
        writer.WriteLine("switch (probe.TokenType)");
        writer.OpenBlock();
        var rows = new (string Label, System.Func<VariantPlan, bool> Fits)[]
        {
            ("EndArray", _ => true),
            ("StartObject", v => (ElementKinds(v, context) & TokenKinds.Object) != 0),
            ("StartArray", v => (ElementKinds(v, context) & TokenKinds.Array) != 0),
            ("String", v => (ElementKinds(v, context) & TokenKinds.String) != 0),
            ("Number", v => (ElementKinds(v, context) & (TokenKinds.Number | TokenKinds.Integer)) != 0),
            ("True", v => (ElementKinds(v, context) & TokenKinds.Boolean) != 0),
            ("False", v => (ElementKinds(v, context) & TokenKinds.Boolean) != 0),
            ("Null", v => v.Model.Type.ElementNullable),
        };

        foreach (var (label, fits) in rows)
        {
            var match = variants.FirstOrDefault(fits);
            if (match is not null)
            {
                writer.WriteLine("case JsonTokenType." + label + ": return " + CSharpLiteral.Int(match.Tag) + ";");
            }
        }

        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return 0;");
        writer.CloseBlock();
    }

    private static TokenKinds ElementKinds(VariantPlan variant, EmitContext context) =>
        variant.Model.Type.Kind == TypeRefKind.Array ? TokenKindsOf.Type(variant.Model.Type.Element ?? TypeRef.Any, context) : TokenKinds.None;

    private static void WriteWrite(SourceWriter writer, UnionPlan plan, EmitContext context, string type)
    {
        writer.WriteLine("public static void WriteValue(Utf8JsonWriter writer, " + type + " value)");
        writer.OpenBlock();
        writer.WriteLine("switch (value._variant)");
        writer.OpenBlock();
        foreach (var variant in plan.Variants)
        {
            writer.WriteLine("case " + CSharpLiteral.Int(variant.Tag) + ": " + JsonValueCode.Write(variant.Model.Type, variant.ValueOf("value", EmitScope.Json), context, scope: EmitScope.Json) + " return;");
        }

        writer.WriteLine("default: value._unrecognized.WriteTo(writer); return;");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>The variants each JSON token kind can become, in declaration order (the catch-all JsonElement variant apart).</summary>
    private sealed class Candidates
    {
        public Candidates(UnionPlan plan)
        {
            foreach (var variant in plan.Variants)
            {
                if (variant.Model.Type.Kind == TypeRefKind.Any)
                {
                    Any ??= variant;
                    continue;
                }

                AddIf(Objects, variant, TokenKinds.Object);
                AddIf(Arrays, variant, TokenKinds.Array);
                AddIf(Strings, variant, TokenKinds.String);
                AddIf(Numbers, variant, TokenKinds.Number | TokenKinds.Integer);
                AddIf(Booleans, variant, TokenKinds.Boolean);
            }
        }

        public VariantPlan? Any { get; }

        public List<VariantPlan> Objects { get; } = new();

        public List<VariantPlan> Arrays { get; } = new();

        public List<VariantPlan> Strings { get; } = new();

        public List<VariantPlan> Numbers { get; } = new();

        public List<VariantPlan> Booleans { get; } = new();

        private static void AddIf(List<VariantPlan> list, VariantPlan variant, TokenKinds kinds)
        {
            if ((variant.Kinds & kinds) != 0)
            {
                list.Add(variant);
            }
        }
    }
}
