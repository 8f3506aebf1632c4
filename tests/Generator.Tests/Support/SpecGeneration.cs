using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tether.Generator.Tests.Support;

/// <summary>
/// A spec through the real generator driver, as a consumer's build runs it: <c>[GenerateClient]</c> on
/// <c>App.VendorClient</c>, the spec as an AdditionalFile, then the strict compilation of the result.
/// </summary>
internal static class SpecGeneration
{
    private const string ClientSource = """
        namespace App;

        /// <summary>The client under test.</summary>
        [Tether.GenerateClient("specs/{0}")]
        public partial class VendorClient
        {
        }
        """;

    public static GenerationResult Run(string fileName, string specText)
    {
        var compilation = SourceCompiler.Compile([("VendorClient.cs", ClientSource.Replace("{0}", fileName))], SourceCompiler.Net100References);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ClientGenerator().AsSourceGenerator()],
            [new InMemoryAdditionalText("/project/specs/" + fileName, specText)],
            new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose));

        var generation = Stopwatch.StartNew();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var diagnostics);
        generation.Stop();
        return new GenerationResult(driver.GetRunResult().Results.Single(), NullableWarnings.Restore(updated), diagnostics, generation.Elapsed);
    }
}

/// <summary>What one generator run gave: its result, the compilation with the generated code, its diagnostics and time.</summary>
internal sealed record GenerationResult(GeneratorRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics, TimeSpan Elapsed)
{
    /// <summary>Binds every generated body once (what a build costs) and returns the warnings and errors, timed.</summary>
    public (IReadOnlyList<Diagnostic> Problems, TimeSpan Elapsed) Compile()
    {
        var compile = Stopwatch.StartNew();
        var problems = SourceCompiler.Problems(Output);
        return (problems, compile.Elapsed);
    }
}
