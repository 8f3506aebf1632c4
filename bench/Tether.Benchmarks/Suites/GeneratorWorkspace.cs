using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Tether.Generator;

namespace Tether.Benchmarks.Suites;

/// <summary>
/// What the compiler hands the generator in a real build of a small application that declares a client for the full
/// official spec: the spec as an AdditionalFiles item, the client declaration, and some unrelated application code
/// (one file of which the "unrelated edit" changes), with .NET 10 and Tether.Runtime references.
/// </summary>
internal sealed class GeneratorWorkspace
{
    public const string SpecPath = "/app/openapi/openai.yaml";
    private const int UnrelatedFileCount = 20;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public GeneratorWorkspace()
    {
        var specText = File.ReadAllText(OfficialSpecPath());
        Spec = new SpecFile(SpecPath, specText);
        EditedSpec = new SpecFile(SpecPath, EditOneLine(specText));

        var trees = new List<SyntaxTree>
        {
            Parse("namespace App; [Tether.GenerateClient(\"openapi/openai.yaml\")] public partial class OpenAIClient;", "OpenAIClient.cs"),
        };
        for (var i = 0; i < UnrelatedFileCount; i++)
        {
            trees.Add(Parse(UnrelatedSource(i, edited: false), UnrelatedPath(i)));
        }

        Compilation = CSharpCompilation.Create(
            "App",
            trees,
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(GenerateClientAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var unrelated = trees[1];
        EditedCompilation = Compilation.ReplaceSyntaxTree(unrelated, Parse(UnrelatedSource(0, edited: true), UnrelatedPath(0)));
    }

    public SpecFile Spec { get; }

    /// <summary>The spec with one description line changed: the smallest edit that changes the generated code.</summary>
    public SpecFile EditedSpec { get; }

    public CSharpCompilation Compilation { get; }

    /// <summary><see cref="Compilation"/> after an edit to one application file that has nothing to do with the client.</summary>
    public CSharpCompilation EditedCompilation { get; }

    public GeneratorDriver CreateDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new ClientGenerator().AsSourceGenerator()],
            [Spec],
            ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackSteps));

    /// <summary>Fails unless a run produced the client (and so measured real work) without errors.</summary>
    public static void EnsureGenerated(GeneratorDriver driver)
    {
        var result = driver.GetRunResult();
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("the generator reported errors: " + string.Join("; ", errors.Take(3)));
        }

        var generated = result.GeneratedTrees.Sum(tree => tree.Length);
        if (generated < 1_000_000)
        {
            throw new InvalidOperationException($"the generator produced only {generated:N0} characters for the full spec");
        }
    }

    private static string OfficialSpecPath() =>
        typeof(GeneratorWorkspace).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "OpenAISpecPath").Value
        ?? throw new InvalidOperationException("the OpenAISpecPath assembly metadata is empty");

    private static string EditOneLine(string specText)
    {
        // The first schema description under components: a documentation edit a user might make in the spec.
        var components = specText.IndexOf("\ncomponents:", StringComparison.Ordinal);
        var description = specText.IndexOf("description: ", components, StringComparison.Ordinal);
        var endOfLine = specText.IndexOf('\n', description);
        if (components < 0 || description < 0 || endOfLine < 0)
        {
            throw new InvalidOperationException("no description line found under components: in the spec");
        }

        return specText.Insert(endOfLine, " (edited)");
    }

    private static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    private static string UnrelatedPath(int index) => $"/app/Services/Service{index}.cs";

    private static string UnrelatedSource(int index, bool edited) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;

        namespace App.Services;

        /// <summary>Application code the client knows nothing about.</summary>
        public sealed class Service{{index}}
        {
            private readonly Dictionary<string, int> _counts = new();

            public int Count(string key) => _counts.TryGetValue(key, out var count) ? count : 0;

            public async Task<int> IncrementAsync(string key)
            {
                await Task.Yield();
                _counts[key] = Count(key) + {{(edited ? 2 : 1)}};
                return _counts[key];
            }
        }
        """;

    /// <summary>An AdditionalFiles item held in memory, as MSBuild hands it to the generator.</summary>
    internal sealed class SpecFile(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
