using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Tether.Generator.Diagnostics;
using Tether.Generator.Model;
using Tether.Generator.Reading;
using Tether.Generator.Translating;
using Xunit;

namespace Tether.Generator.Tests.Support;

/// <summary>Runs <see cref="SpecParser"/> on inline specs and finds things in the resulting model.</summary>
internal static class ParsingHarness
{
    public const string SpecPath = "/project/openapi/spec.yaml";

    public static ParsedSpec Parse(string text, string path = SpecPath)
        => SpecParser.Parse(path, SourceText.From(text, System.Text.Encoding.UTF8), CancellationToken.None);

    /// <summary>Parses a spec that must produce a model without any warning or error.</summary>
    public static ApiModel ParseClean(string text)
    {
        var parsed = Parse(text);
        var problems = parsed.Diagnostics.Where(d => Severity(d) != DiagnosticSeverity.Info).ToList();
        Assert.True(problems.Count == 0, "unexpected diagnostics: " + string.Join("; ", problems.Select(Describe)));
        Assert.NotNull(parsed.Model);
        return parsed.Model!;
    }

    /// <summary>A 3.1 spec with the given <c>components.schemas</c> block (indented by 4 spaces) and no paths.</summary>
    public static string WithSchemas(string schemas, string version = "3.1.0") => $$"""
        openapi: {{version}}
        info: { title: Test, version: "1" }
        paths: {}
        components:
          schemas:
        {{Indent(schemas, 4)}}
        """;

    public static string Indent(string block, int spaces)
    {
        var pad = new string(' ', spaces);
        return string.Join("\n", block.Replace("\r\n", "\n").Split('\n').Select(line => line.Length == 0 ? line : pad + line));
    }

    public static DiagnosticSeverity Severity(DiagnosticInfo diagnostic) => DiagnosticDescriptors.Find(diagnostic.DescriptorId).DefaultSeverity;

    public static string Describe(DiagnosticInfo diagnostic)
        => $"{diagnostic.DescriptorId} at {diagnostic.Location?.LineSpan.Start} [{string.Join(" | ", diagnostic.MessageArgs)}]";

    public static T Type<T>(this ApiModel model, string name)
        where T : TypeModel
    {
        var type = model.Types.SingleOrDefault(t => t.Name == name);
        Assert.True(type is not null, $"no type '{name}'; types: {string.Join(", ", model.Types.Select(t => t.Name))}");
        return Assert.IsType<T>(type);
    }

    public static bool HasType(this ApiModel model, string name) => model.Types.Any(t => t.Name == name);

    public static PropertyModel Property(this ObjectTypeModel type, string jsonName)
    {
        var property = type.Properties.SingleOrDefault(p => p.JsonName == jsonName);
        Assert.True(property is not null, $"{type.Name} has no property '{jsonName}'");
        return property!;
    }

    public static UnionVariantModel Variant(this UnionTypeModel union, string name)
    {
        var variant = union.Variants.SingleOrDefault(v => v.Name == name);
        Assert.True(variant is not null, $"{union.Name} has no variant '{name}'; variants: {string.Join(", ", union.Variants.Select(v => v.Name))}");
        return variant!;
    }

    public static IReadOnlyList<string>? ConstValues(this UnionVariantModel variant, string jsonName)
        => variant.ConstProperties.FirstOrDefault(c => c.JsonName == jsonName)?.Values.ToList();

    public static OperationModel Operation(this ApiModel model, string operationId)
    {
        var operation = model.Operations.SingleOrDefault(o => o.OperationId == operationId);
        Assert.True(operation is not null, $"no operation '{operationId}'");
        return operation!;
    }

    public static TypeRef Named(string name, NamedTypeKind kind) => TypeRef.Named(name, kind);
}
