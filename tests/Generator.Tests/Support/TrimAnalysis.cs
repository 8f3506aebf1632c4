using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Tether.Generator.Tests.Support;

/// <summary>
/// Runs the SDK's own trim/AOT/single-file analyzer (ILLink.RoslynAnalyzer, what <c>IsAotCompatible=true</c> turns on)
/// over a compilation in-process. The analyzer ships in the Microsoft.NET.ILLink.Tasks package, which restore brings
/// into the NuGet cache for any AOT-compatible project (the runtime project is one).
/// </summary>
internal static class TrimAnalysis
{
    public static string? FindAnalyzer()
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var package = Path.Combine(root, "microsoft.net.illink.tasks");
        if (!Directory.Exists(package))
        {
            return null;
        }

        // The newest version is the one the installed SDK uses.
        return Directory.GetDirectories(package)
            .Select(dir => (Version: Version.TryParse(Path.GetFileName(dir).Split('-')[0], out var v) ? v : new Version(0, 0), Path: Path.Combine(dir, "analyzers", "dotnet", "cs", "ILLink.RoslynAnalyzer.dll")))
            .Where(candidate => File.Exists(candidate.Path))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Path)
            .FirstOrDefault();
    }

    /// <summary>The analyzer's IL2xxx/IL3xxx diagnostics for the compilation, as a consumer with IsAotCompatible would see them.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, string analyzerPath)
    {
        var reference = new AnalyzerFileReference(analyzerPath, new AssemblyLoader());
        var analyzers = reference.GetAnalyzers(LanguageNames.CSharp);
        var options = new AnalyzerOptions([], new OptionsProvider(new Dictionary<string, string>
        {
            ["build_property.EnableTrimAnalyzer"] = "true",
            ["build_property.EnableAotAnalyzer"] = "true",
            ["build_property.EnableSingleFileAnalyzer"] = "true",
            ["build_property.IsAotCompatible"] = "true",
        }));
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id.StartsWith("IL", StringComparison.Ordinal)).ToImmutableArray();
    }

    private sealed class AssemblyLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

    private sealed class OptionsProvider(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global = new(values);
        private static readonly Options Empty = new([]);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
                values.TryGetValue(key, out value);
        }
    }
}
