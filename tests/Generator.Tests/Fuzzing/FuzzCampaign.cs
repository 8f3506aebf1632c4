using System.Diagnostics;
using System.Globalization;
using Tether.Generator.Tests.Support;
using Xunit.Abstractions;

namespace Tether.Generator.Tests.Fuzzing;

/// <summary>
/// Mutates base specs many times with a fixed seed, runs the generator on each mutant and collects outcomes and
/// contract violations. Every case has its own <see cref="Random"/> derived from (seed, case number), so one failing
/// case reproduces alone: <c>TETHER_FUZZ_SEED=s TETHER_FUZZ_CASE=n dotnet test --filter GeneratorFuzzTests</c>.
/// Failing inputs are also written to a temp folder for a look at them.
/// </summary>
internal sealed class FuzzCampaign(ITestOutputHelper output)
{
    public const int DefaultSeed = 20_251_123;

    private readonly List<(string Base, MutationKind Kind, FuzzOutcome Outcome, TimeSpan Elapsed, bool Changed)> _runs = [];
    private readonly List<string> _failures = [];
    private readonly Stopwatch _clock = new();

    public int Seed { get; } = int.TryParse(Environment.GetEnvironmentVariable("TETHER_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : DefaultSeed;

    private static int? OnlyCase => int.TryParse(Environment.GetEnvironmentVariable("TETHER_FUZZ_CASE"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var only) ? only : null;

    public IReadOnlyList<string> Failures => _failures;

    public int Runs => _runs.Count;

    public int UnchangedMutants => _runs.Count(run => !run.Changed);

    /// <summary>Runs <paramref name="count"/> mutants of <paramref name="baseText"/>, numbered from <paramref name="firstCase"/>.</summary>
    public void Run(string baseName, string baseText, bool isJson, int firstCase, int count, TimeSpan timeout)
    {
        var compilation = GeneratorHarness.CreateCompilation(isJson ? FuzzRun.JsonClientSource : FuzzRun.ClientSource);
        var specPath = isJson ? FuzzRun.JsonPath : FuzzRun.YamlPath;
        var kinds = Enum.GetValues<MutationKind>();
        _clock.Start();
        for (var caseNumber = firstCase; caseNumber < firstCase + count; caseNumber++)
        {
            if (OnlyCase is { } only && only != caseNumber)
            {
                continue;
            }

            var random = new Random(unchecked((Seed * 1_000_003) + caseNumber));
            var kind = kinds[caseNumber % kinds.Length];
            var mutant = SpecMutator.Apply(baseText, kind, random, isJson);
            var watch = Stopwatch.StartNew();
            var outcome = FuzzRun.Execute(compilation, specPath, mutant.Text, timeout);
            _runs.Add((baseName, kind, outcome, watch.Elapsed, mutant.Text != baseText));
            if (outcome.Violations.Count > 0)
            {
                var file = SaveInput(caseNumber, isJson, mutant.Text);
                _failures.Add(
                    $"seed {Seed} case {caseNumber} ({baseName}, {mutant.Description}) → input saved as {file}:\n    "
                    + string.Join("\n    ", outcome.Violations));
            }
        }

        _clock.Stop();
    }

    /// <summary>Writes runs, time, outcomes and diagnostic ids to the test output.</summary>
    public void WriteSummary(string title)
    {
        output.WriteLine($"{title}: {_runs.Count} runs in {_clock.Elapsed.TotalSeconds:F1} s, seed {Seed} (TETHER_FUZZ_SEED to change), {_failures.Count} failing, {UnchangedMutants} mutants equal to their base");
        foreach (var group in _runs.GroupBy(run => run.Base))
        {
            output.WriteLine($"  {group.Key}: {group.Count()} runs, mean {group.Average(run => run.Elapsed.TotalMilliseconds):F0} ms, max {group.Max(run => run.Elapsed.TotalMilliseconds):F0} ms");
        }

        output.WriteLine("  by mutation: " + string.Join(", ", _runs.GroupBy(run => run.Kind).Select(group => $"{group.Key} {group.Count()}")));
        output.WriteLine("  outcomes:");
        foreach (var group in _runs.GroupBy(run => run.Outcome.Category).OrderByDescending(group => group.Count()))
        {
            output.WriteLine($"    {group.Count(),4}  {group.Key}");
        }

        output.WriteLine("  runs reporting each diagnostic id:");
        foreach (var group in _runs.SelectMany(run => run.Outcome.DiagnosticIds).GroupBy(id => id).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"    {group.Count(),4}  {group.Key}");
        }

        output.WriteLine($"  ended in code: {_runs.Count(run => run.Outcome.GeneratedFiles > 0)}, in diagnostics only: {_runs.Count(run => run.Outcome.GeneratedFiles == 0)}");
        foreach (var failure in _failures)
        {
            output.WriteLine("  FAILED " + failure);
        }
    }

    private string SaveInput(int caseNumber, bool isJson, string text)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tether-fuzz");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"seed{Seed}-case{caseNumber}{(isJson ? ".json" : ".yaml")}");
        File.WriteAllText(file, text);
        return file;
    }
}
