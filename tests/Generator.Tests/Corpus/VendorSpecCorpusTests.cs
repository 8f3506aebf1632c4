using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Tether.Generator.Reading;
using Tether.Generator.Translating;
using Tether.Generator.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Tether.Generator.Tests.Corpus;

/// <summary>
/// Other vendors' specs through the whole generator: no crash, zero-warning generated code, a method for every
/// operation, and no "unresolved" warning for a reference that does resolve. Each spec also writes one line of the
/// corpus table (<see cref="CorpusSummary"/>) to the test output, and appends it to the file named by
/// <c>TETHER_CORPUS_REPORT</c> when that is set.
/// </summary>
public sealed partial class VendorSpecCorpusTests(ITestOutputHelper output)
{
    public const string ReportVariable = "TETHER_CORPUS_REPORT";

    private static readonly object ReportLock = new();

    public static TheoryData<string> Specs => VendorSpecCorpus.Cases();

    [SkippableTheory]
    [MemberData(nameof(Specs))]
    public void GeneratesACleanClientWithEveryOperation(string spec)
    {
        if (spec == VendorSpecCorpus.NoSpecs)
        {
            ReferenceData.Require(Path.Combine(RepositoryPaths.VendorSpecs, "*.yaml"), test: null,
                consequence: $", and {VendorSpecCorpus.FolderVariable} names no folder with specs");
            return;
        }

        var test = nameof(GeneratesACleanClientWithEveryOperation) + "(" + Path.GetFileName(spec) + ")";
        var path = VendorSpecCorpus.IsShared(spec) ? ReferenceData.Require(spec, test) : spec;
        var fileName = Path.GetFileName(path);
        var text = File.ReadAllText(path);
        var document = SpecDocument.Read(path, text);

        var run = SpecGeneration.Run(fileName, text);
        var result = run.Result;
        var generatorDiagnostics = run.Diagnostics;
        var updated = run.Output;
        var (problems, compileTime) = run.Compile();

        var summary = new CorpusSummary(
            fileName,
            document.Version,
            System.Text.Encoding.UTF8.GetByteCount(text),
            document.Operations().Count,
            result.GeneratedSources.Sum(source => (long)source.SourceText.Length),
            (long)run.Elapsed.TotalMilliseconds,
            (long)compileTime.TotalMilliseconds,
            generatorDiagnostics.GroupBy(d => d.Id).ToDictionary(group => group.Key, group => group.Count()));
        Report(summary);
        // A few of each kind: enough to see what a spec trips over without thousands of lines.
        foreach (var diagnostic in generatorDiagnostics.GroupBy(d => d.Id).SelectMany(group => group.Take(5)))
        {
            output.WriteLine("generator: " + diagnostic);
        }

        Assert.Null(result.Exception);
        Assert.DoesNotContain(generatorDiagnostics, d => d.Id is "TETHER011" or "CS8785" || d.Severity == DiagnosticSeverity.Error);
        Assert.True(problems.Count == 0, $"{problems.Count} warning(s)/error(s) in the generated code, first ones:\n" + string.Join("\n", problems.Take(20).Select(SourceCompiler.Describe)));

        var validButUnresolved = generatorDiagnostics
            .Where(d => d.Id == "TETHER004")
            .Select(d => (Diagnostic: d, Reference: UnresolvedReference().Match(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Groups[1].Value))
            .Where(pair => document.Resolves(pair.Reference))
            .ToList();
        Assert.True(validButUnresolved.Count == 0, $"{validButUnresolved.Count} valid reference(s) reported unresolved, first ones:\n" + string.Join("\n", validButUnresolved.Take(10).Select(pair => pair.Diagnostic.ToString())));

        // Issue 13: these scheme kinds are generated, so none of them may fall back to "no authentication".
        var securityFallbacks = generatorDiagnostics
            .Where(d => d.Id == "TETHER005")
            .Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .Where(message => message.Contains("Security scheme '") && SupportedSchemeKinds.Any(kind => message.Contains(kind, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        Assert.True(securityFallbacks.Count == 0, "supported security schemes fell back:\n" + string.Join("\n", securityFallbacks));

        AssertEveryOperationHasAMethod(path, text, document, updated);
    }

    private static readonly string[] SupportedSchemeKinds =
        ["type ApiKey", "type OAuth2", "type OpenIdConnect", "HTTP scheme 'basic'", "HTTP scheme 'bearer'"];

    private static void AssertEveryOperationHasAMethod(string path, string text, SpecDocument document, Compilation updated)
    {
        var model = SpecParser.Parse(path, SourceText.From(text, System.Text.Encoding.UTF8), CancellationToken.None).Model;
        Assert.NotNull(model);
        var inSpec = document.Operations();
        var modelled = model!.Operations.Select(operation => operation.HttpMethod.ToUpperInvariant() + " " + operation.PathTemplate + (operation.FixedQuery is null ? "" : "?" + operation.FixedQuery)).ToHashSet(StringComparer.Ordinal);
        var missing = inSpec.Where(operation => !modelled.Contains(operation)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {inSpec.Count} operation(s) have no method: " + string.Join(", ", missing.Take(20)));

        var declared = updated.SyntaxTrees
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            .Select(method => method.Identifier.ValueText)
            .ToHashSet(StringComparer.Ordinal);
        var undeclared = model.Operations.Select(operation => operation.MethodName).Where(name => !declared.Contains(name)).ToList();
        Assert.True(undeclared.Count == 0, $"{undeclared.Count} operation method(s) not in the generated code: " + string.Join(", ", undeclared.Take(20)));
    }

    private void Report(CorpusSummary summary)
    {
        output.WriteLine(CorpusSummary.Header);
        output.WriteLine(summary.ToString());
        if (Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } file)
        {
            lock (ReportLock)
            {
                File.AppendAllText(file, summary + Environment.NewLine);
            }
        }
    }

    [GeneratedRegex("The reference '([^']*)' cannot be resolved")]
    private static partial Regex UnresolvedReference();
}
