using Tether.Generator.Tests.Support;
using Xunit;

namespace Tether.Generator.Tests.Emitting;

/// <summary>
/// The generated JSON code must be trim- and AOT-safe: no reflection-based System.Text.Json, no reflection at all.
/// Checked twice: by the SDK's trim/AOT analyzer run in-process over the compiled demo models (with a control that
/// proves the analyzer is live), and by scanning the text for APIs that only the reflection path uses.
/// </summary>
public sealed class ReflectionFreeTests
{
    private static readonly string[] ReflectionOnlyApis =
    [
        "JsonSerializer.",
        "System.Reflection",
        "Activator.",
        ".GetType()",
        "GetProperty(",
        "MakeGenericType",
        "DefaultJsonTypeInfoResolver",
    ];

    [Fact]
    public void GeneratedTextUsesNoReflectionOnlyApis()
    {
        var files = EmittedSource.Emit(DemoModels.All);

        foreach (var file in files)
        {
            foreach (var api in ReflectionOnlyApis)
            {
                Assert.False(file.Text.Contains(api, StringComparison.Ordinal), $"{file.HintName} uses {api}");
            }
        }
    }

    [SkippableFact]
    public async Task TrimAndAotAnalyzerReportsNothingForGeneratedCode()
    {
        var analyzer = TrimAnalysis.FindAnalyzer();
        Skip.If(analyzer is null, "ILLink.RoslynAnalyzer is not in the NuGet cache (restore an AOT-compatible project first).");

        var compilation = SourceCompiler.Compile(EmittedSource.WithClient(EmittedSource.Emit(DemoModels.All)), SourceCompiler.Net100References);
        var diagnostics = await TrimAnalysis.AnalyzeAsync(compilation, analyzer!);

        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics.Select(SourceCompiler.Describe)));
    }

    [SkippableFact]
    public async Task TrimAndAotAnalyzerFlagsReflectionBasedSerialization()
    {
        var analyzer = TrimAnalysis.FindAnalyzer();
        Skip.If(analyzer is null, "ILLink.RoslynAnalyzer is not in the NuGet cache (restore an AOT-compatible project first).");
        const string reflectionBased = """
            /// <summary>Control.</summary>
            public static class Control
            {
                /// <summary>Control.</summary>
                public static string Write(object value) => System.Text.Json.JsonSerializer.Serialize(value);
            }
            """;

        var compilation = SourceCompiler.Compile([("Control.cs", reflectionBased)], SourceCompiler.Net100References);
        var diagnostics = await TrimAnalysis.AnalyzeAsync(compilation, analyzer!);

        Assert.Contains(diagnostics, d => d.Id == "IL2026");
        Assert.Contains(diagnostics, d => d.Id == "IL3050");
    }
}
