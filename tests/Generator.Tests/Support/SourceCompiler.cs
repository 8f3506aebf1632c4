using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Sdk;

namespace Tether.Generator.Tests.Support;

/// <summary>
/// Compiles C# in memory the way a strict consumer would (nullable on, every warning wave, warnings as errors, XML
/// doc diagnostics on) and loads the result into a collectible context so the test can run it.
/// </summary>
internal static class SourceCompiler
{
    public static ImmutableArray<MetadataReference> Net100References { get; } =
        [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(GenerateClientAttribute).Assembly.Location)];

    /// <summary>
    /// Consumers on .NET 8 use C# 12, System.Text.Json 8 and the runtime's net8.0 build (copied beside the tests by
    /// the project file): generated code must compile there too.
    /// </summary>
    public static ImmutableArray<MetadataReference> Net80References { get; } =
        [.. Net80.References.All, MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "runtime-net8.0", "Tether.Runtime.dll"))];

    public static CSharpCompilation Compile(
        IEnumerable<(string Path, string Text)> sources,
        ImmutableArray<MetadataReference> references,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        string assemblyName = "Consumer")
    {
        var parseOptions = new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose);
        var trees = sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, parseOptions, path: source.Path));
        return CSharpCompilation.Create(
            assemblyName,
            trees,
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                optimizationLevel: OptimizationLevel.Release));
    }

    /// <summary>Every diagnostic of Warning severity or worse (hidden and info ones are not build breakers).</summary>
    public static IReadOnlyList<Diagnostic> Problems(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    public static void AssertClean(Compilation compilation, int maxListed = 30)
    {
        var problems = Problems(compilation);
        if (problems.Count > 0)
        {
            throw new XunitException(
                $"{problems.Count} warning(s)/error(s):\n" + string.Join("\n", problems.Take(maxListed).Select(Describe)));
        }
    }

    public static string Describe(Diagnostic diagnostic)
    {
        var text = diagnostic.ToString();
        var tree = diagnostic.Location.SourceTree;
        if (tree is null)
        {
            return text;
        }

        var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
        return text + "\n    > " + tree.GetText().Lines[line].ToString().Trim();
    }

    /// <summary>Compiles without warnings or errors, then loads the assembly into a collectible context.</summary>
    public static LoadedAssembly CompileAndLoad(IEnumerable<(string Path, string Text)> sources)
    {
        var compilation = Compile(sources, Net100References);
        AssertClean(compilation);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new XunitException("Emit failed:\n" + string.Join("\n", result.Diagnostics.Select(Describe)));
        }

        image.Position = 0;
        return new LoadedAssembly(image);
    }
}

/// <summary>An in-memory assembly in its own collectible load context, unloaded on dispose.</summary>
internal sealed class LoadedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context = new("Generated", isCollectible: true);

    public LoadedAssembly(Stream image) => Assembly = _context.LoadFromStream(image);

    public Assembly Assembly { get; }

    public Type GetType(string fullName) =>
        Assembly.GetType(fullName) ?? throw new XunitException($"Type '{fullName}' is not in the compiled assembly.");

    public void Dispose() => _context.Unload();
}
