using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Tether.Generator.Tests.Support;

namespace Tether.Generator.Tests.Fuzzing;

/// <summary>What one generator run over one (mutated) spec ended in, and every way it broke the contract.</summary>
/// <param name="GeneratedFiles">How many source files were added.</param>
/// <param name="DiagnosticIds">The distinct ids of the diagnostics reported, sorted.</param>
/// <param name="Violations">Empty when the run kept the contract: no exception, no internal error, code or a located error.</param>
internal sealed record FuzzOutcome(int GeneratedFiles, IReadOnlyList<string> DiagnosticIds, IReadOnlyList<string> Violations)
{
    /// <summary>A short label for the summary: "code", "code + TETHER004", "TETHER002", ...</summary>
    public string Category
    {
        get
        {
            var ids = string.Join(" + ", DiagnosticIds);
            return GeneratedFiles > 0 ? (ids.Length == 0 ? "code" : "code + " + ids) : (ids.Length == 0 ? "nothing" : ids);
        }
    }
}

/// <summary>Runs the whole generator (a fresh driver: target discovery, parse, emit) over one spec text.</summary>
internal static class FuzzRun
{
    public const string ClientSource = """
        namespace Fuzz;
        [Tether.GenerateClient("openapi/spec.yaml")]
        public partial class FuzzClient;
        """;

    public const string JsonClientSource = """
        namespace Fuzz;
        [Tether.GenerateClient("openapi/spec.json")]
        public partial class FuzzClient;
        """;

    public const string YamlPath = "/project/openapi/spec.yaml";

    public const string JsonPath = "/project/openapi/spec.json";

    // Diagnostics about the spec's content: each must point into the spec file, at a line that exists.
    private static readonly HashSet<string> SpecDiagnosticIds = ["TETHER002", "TETHER003", "TETHER004", "TETHER005", "TETHER009", "TETHER010"];

    public static FuzzOutcome Execute(Compilation compilation, string specPath, string text, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        var violations = new List<string>();
        var driver = GeneratorHarness.CreateDriver(new InMemoryAdditionalText(specPath, text));
        GeneratorDriverRunResult run;
        try
        {
            run = driver.RunGenerators(compilation, cancellation.Token).GetRunResult();
        }
        catch (OperationCanceledException)
        {
            return new FuzzOutcome(0, [], [$"no result within {timeout.TotalSeconds:F0} s (a hang or a runaway)"]);
        }

        var result = run.Results.Single();
        if (result.Exception is { } exception)
        {
            violations.Add("the generator threw: " + exception.GetType().Name + ": " + exception.Message);
        }

        var diagnostics = run.Diagnostics.Concat(result.Diagnostics).Distinct().ToList();
        var lineCount = SourceText.From(text).Lines.Count;
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id is "CS8785" or "TETHER011")
            {
                violations.Add($"{diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
            }

            if (SpecDiagnosticIds.Contains(diagnostic.Id))
            {
                var span = diagnostic.Location.GetLineSpan();
                if (!span.IsValid || span.Path != specPath || span.StartLinePosition.Line >= lineCount)
                {
                    violations.Add($"{diagnostic.Id} is not located at a line of the spec ({diagnostic.Location}): {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
                }
            }
        }

        if (result.GeneratedSources.Length == 0
            && !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Location.GetLineSpan().IsValid))
        {
            violations.Add("no code and no located error: the user would not know what went wrong");
        }

        // The generator reads block YAML with its own reader when it can: it must read it as SharpYaml does.
        if (specPath.EndsWith(".yaml", StringComparison.Ordinal) && YamlRoutes.Disagreement(text) is { } disagreement)
        {
            violations.Add("the block YAML reader differs from SharpYaml: " + disagreement);
        }

        var ids = diagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
        return new FuzzOutcome(result.GeneratedSources.Length, ids, violations);
    }
}
