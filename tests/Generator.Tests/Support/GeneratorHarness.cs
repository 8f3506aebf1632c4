using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tether.Generator.Tests.Support;

/// <summary>Runs <see cref="ClientGenerator"/> in-process over C# sources and AdditionalFiles.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static ImmutableArray<MetadataReference> References { get; } =
        [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(GenerateClientAttribute).Assembly.Location)];

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));

    public static GeneratorDriver CreateDriver(params AdditionalText[] additionalTexts) =>
        CSharpGeneratorDriver.Create(
            [new ClientGenerator().AsSourceGenerator()],
            additionalTexts,
            ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once; returns the driver (for a later incremental run), the output compilation and diagnostics.</summary>
    public static (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(
        GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver, NullableWarnings.Restore(output), diagnostics);
    }
}
