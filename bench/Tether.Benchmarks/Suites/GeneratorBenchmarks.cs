using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Tether.Generator;

namespace Tether.Benchmarks.Suites;

/// <summary>
/// Suite 4: the generator over the full official spec, driven by <see cref="Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver"/>
/// in this process, as the compiler runs it: a first run with no cached state, a run after an edit to an unrelated C#
/// file (everything cached: no parsing, no emitting), and a run after a one-line spec edit (parse and emit again).
/// The process is warm (the generator and its YAML/OpenAPI readers are already compiled by the JIT), as in a compiler
/// server that has built before; <see cref="GeneratorFirstRunInNewProcess"/> measures the truly cold case.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SuiteConfig.Measure))]
public class GeneratorBenchmarks
{
    private GeneratorWorkspace _workspace = null!;
    private GeneratorDriver _unrelatedEditDriver = null!;
    private GeneratorDriver _specEditDriver = null!;
    private bool _unrelatedEdited;
    private bool _specEdited;

    [GlobalSetup]
    public void Setup()
    {
        _workspace = new GeneratorWorkspace();
        ReportWhichStepsRan();
        _unrelatedEditDriver = _workspace.CreateDriver().RunGenerators(_workspace.Compilation);
        GeneratorWorkspace.EnsureGenerated(_unrelatedEditDriver);
        _specEditDriver = _workspace.CreateDriver().RunGenerators(_workspace.Compilation);
    }

    /// <summary>A new driver over a fresh copy of the compilation (no symbol caches): all of parse, model and emit.</summary>
    [Benchmark(Description = "first run (full spec)")]
    public GeneratorDriver FirstRun() =>
        _workspace.CreateDriver().RunGenerators(_workspace.Compilation.Clone());

    /// <summary>
    /// A new driver over the compilation the setup already bound: the same generator work as <see cref="FirstRun"/>
    /// without the compiler's own first binding of the attribute and its references, which a build pays anyway.
    /// </summary>
    [Benchmark(Description = "first run, compilation already bound")]
    public GeneratorDriver FirstRunOnBoundCompilation() =>
        _workspace.CreateDriver().RunGenerators(_workspace.Compilation);

    /// <summary>Each invocation edits one unrelated file (back and forth) and runs the warmed driver again.</summary>
    [Benchmark(Description = "after an unrelated C# edit")]
    public GeneratorDriver AfterUnrelatedEdit()
    {
        _unrelatedEdited = !_unrelatedEdited;
        return _unrelatedEditDriver = _unrelatedEditDriver.RunGenerators(
            _unrelatedEdited ? _workspace.EditedCompilation : _workspace.Compilation);
    }

    /// <summary>Each invocation changes one description line of the spec (back and forth) and runs the driver again.</summary>
    [Benchmark(Description = "after a one-line spec edit")]
    public GeneratorDriver AfterSpecEdit()
    {
        _specEdited = !_specEdited;
        var (from, to) = _specEdited ? (_workspace.Spec, _workspace.EditedSpec) : (_workspace.EditedSpec, _workspace.Spec);
        return _specEditDriver = _specEditDriver.ReplaceAdditionalText(from, to).RunGenerators(_workspace.Compilation);
    }

    /// <summary>
    /// Writes to the log which pipeline steps each kind of edit re-ran, from a separate driver that tracks steps (the
    /// measured drivers do not, as the compiler does not).
    /// </summary>
    private void ReportWhichStepsRan()
    {
        var driver = _workspace.CreateDriver(trackSteps: true).RunGenerators(_workspace.Compilation);
        driver = driver.RunGenerators(_workspace.EditedCompilation);
        Console.WriteLine("// after an unrelated C# edit, " + StepReasons(driver, TrackingNames.ParsedSpecs));
        driver = driver.ReplaceAdditionalText(_workspace.Spec, _workspace.EditedSpec).RunGenerators(_workspace.EditedCompilation);
        Console.WriteLine("// after a one-line spec edit, " + StepReasons(driver, TrackingNames.ParsedSpecs));
    }

    private static string StepReasons(GeneratorDriver driver, string stepName)
    {
        var result = driver.GetRunResult().Results.Single();
        var reasons = result.TrackedSteps.TryGetValue(stepName, out var runs)
            ? string.Join(", ", runs.SelectMany(run => run.Outputs).Select(output => output.Reason))
            : "not run";
        return stepName + " outputs: " + reasons;
    }
}
