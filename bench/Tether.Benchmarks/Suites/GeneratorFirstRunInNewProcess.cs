using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using System.Threading;
using Tether.Generator.Reading.Yaml;

namespace Tether.Benchmarks.Suites;

/// <summary>
/// Suite 4, cold: the generator's first run over the full spec in a brand-new process, JIT compilation of the
/// generator, OpenAPI.NET and the YAML reader included, as in the first build after the compiler server starts.
/// BenchmarkDotNet runs in-process here (see <see cref="SuiteConfig"/>), so this part starts its own child processes
/// (<c>--generator-first-run</c>), each of which times exactly one generator run with a stopwatch.
/// </summary>
internal static class GeneratorFirstRunInNewProcess
{
    public const string ChildArgument = "--generator-first-run";
    public const string BreakdownArgument = "--breakdown";

    /// <summary>Runs <paramref name="processes"/> children one after another and prints their timings.</summary>
    public static bool MeasureAndReport(int processes)
    {
        var samples = new List<Sample>();
        for (var i = 0; i < processes; i++)
        {
            var sample = RunChild();
            if (sample is null)
            {
                return false;
            }

            samples.Add(sample.Value);
        }

        var times = samples.Select(s => s.Milliseconds).OrderBy(t => t).ToList();
        Console.WriteLine();
        Console.WriteLine("// * Generator: first run in a new process (full spec), " + processes + " processes *");
        Console.WriteLine("| Runs | Min | Median | Max | JIT time (median) | Methods JIT-compiled | Allocated (median) |");
        Console.WriteLine("|-----:|----:|-------:|----:|------------------:|---------------------:|-------------------:|");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {processes} | {times[0]:N0} ms | {times[times.Count / 2]:N0} ms | {times[^1]:N0} ms | {Median(samples, s => s.JitMilliseconds):N0} ms | {Median(samples, s => s.JitMethods):N0} | {Median(samples, s => s.AllocatedBytes) / (1024.0 * 1024.0):N1} MB |"));
        return true;
    }

    /// <summary>
    /// The child: prepare the compilation, then time the one generator run. Prints "milliseconds allocatedBytes
    /// jitMilliseconds jitMethodCount" (the JIT figures say how much of a cold run is compiling code, not generating).
    /// </summary>
    public static int RunInThisProcess()
    {
        var workspace = new GeneratorWorkspace();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var jitTimeBefore = JitInfo.GetCompilationTime();
        var jitMethodsBefore = JitInfo.GetCompiledMethodCount();
        var stopwatch = Stopwatch.StartNew();
        var driver = workspace.CreateDriver().RunGenerators(workspace.Compilation);
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var jitTime = JitInfo.GetCompilationTime() - jitTimeBefore;
        var jitMethods = JitInfo.GetCompiledMethodCount() - jitMethodsBefore;
        GeneratorWorkspace.EnsureGenerated(driver);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{stopwatch.Elapsed.TotalMilliseconds:F1} {allocated} {jitTime.TotalMilliseconds:F1} {jitMethods}"));
        return 0;
    }

    /// <summary>
    /// The child in diagnostic mode (<c>--generator-first-run --breakdown</c>, run by hand): OpenAPI.NET reading the
    /// spec on its own (cold, then warm), then the generator's first run with the driver's step tracking and a JIT
    /// listener on (OpenAPI.NET now warm), then warm runs; prints where the time went. Slower than the measured run.
    /// </summary>
    public static int RunInThisProcessWithBreakdown()
    {
        var workspace = new GeneratorWorkspace();
        using var jit = new JitByNamespaceListener();

        // First the spec reader's two stages alone, cold, as SpecReader runs them: block YAML → JSON nodes with
        // Tether's reader, then OpenAPI.NET reading those nodes. Then OpenAPI.NET's own YAML route (SharpYaml) on the
        // same text, for comparison; its document-reading code is warm by then, so the difference is SharpYaml's.
        var specText = workspace.Spec.GetText()!.ToString();
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        settings.AddYamlReader();
        var root = Timed("Tether's block YAML reader (YAML → JSON nodes), cold", () => BlockYamlReader.TryRead(specText, CancellationToken.None))
            ?? throw new InvalidOperationException("the block YAML reader declined the official spec");
        Timed("OpenAPI.NET reading those JSON nodes (+ its validation), cold", () => OpenApiYamlReader.Read(root, new Uri(OpenApiConstants.BaseRegistryUri), settings));
        for (var i = 1; i <= 3; i++)
        {
            Timed($"OpenAPI.NET's own YAML route (SharpYaml + the same reading), run {i}", () => OpenApiDocument.Parse(specText, "yaml", settings));
        }

        jit.Recording = true;
        var stopwatch = Stopwatch.StartNew();
        var driver = workspace.CreateDriver(trackSteps: true).RunGenerators(workspace.Compilation);
        stopwatch.Stop();
        jit.Recording = false;
        GeneratorWorkspace.EnsureGenerated(driver);
        var result = driver.GetRunResult().Results.Single();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first run: {stopwatch.Elapsed.TotalMilliseconds:N0} ms (driver's timing of the generator: {driver.GetTimingInfo().ElapsedTime.TotalMilliseconds:N0} ms)"));
        foreach (var step in result.TrackedSteps.Concat(result.TrackedOutputSteps).DistinctBy(step => step.Key).Where(step => step.Value.Sum(run => run.ElapsedTime.TotalMilliseconds) >= 1))
        {
            var elapsed = step.Value.Sum(run => run.ElapsedTime.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  step {step.Key}: {elapsed:N1} ms over {step.Value.Length} run(s)"));
        }

        Console.WriteLine("JIT time by namespace (approximate, from runtime events):");
        foreach (var (group, milliseconds, methods) in jit.Totals().Take(12))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group}: {milliseconds:N0} ms, {methods:N0} methods"));
        }

        // The same steps once the process is warm, for contrast: what is left when nothing needs compiling.
        for (var i = 0; i < 5; i++)
        {
            driver = workspace.CreateDriver(trackSteps: true).RunGenerators(workspace.Compilation.Clone());
        }

        var warm = driver.GetRunResult().Results.Single();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sixth run (warm): {driver.GetTimingInfo().ElapsedTime.TotalMilliseconds:N0} ms"));
        foreach (var step in warm.TrackedSteps.Concat(warm.TrackedOutputSteps).DistinctBy(step => step.Key).Where(step => step.Value.Sum(run => run.ElapsedTime.TotalMilliseconds) >= 1))
        {
            var elapsed = step.Value.Sum(run => run.ElapsedTime.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  step {step.Key}: {elapsed:N1} ms"));
        }

        return 0;
    }

    private static T Timed<T>(string what, Func<T> action)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var result = action();
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {watch.Elapsed.TotalMilliseconds:N0} ms, {allocated / (1024.0 * 1024.0):N0} MB allocated"));
        return result;
    }

    private static double Median(List<Sample> samples, Func<Sample, double> value) =>
        samples.Select(value).OrderBy(v => v).ElementAt(samples.Count / 2);

    private static Sample? RunChild()
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath ?? "dotnet",
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (string.Equals(Path.GetFileNameWithoutExtension(start.FileName), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(GeneratorFirstRunInNewProcess).Assembly.Location);
        }

        start.ArgumentList.Add(ChildArgument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start a generator process");
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Console.WriteLine("// the generator process did not finish within 5 minutes");
            return null;
        }

        var fields = output.Result.Trim().Split(' ');
        if (process.ExitCode != 0 || fields.Length != 4)
        {
            Console.WriteLine($"// the generator process failed (exit code {process.ExitCode}): {output.Result}");
            return null;
        }

        return new Sample(
            double.Parse(fields[0], CultureInfo.InvariantCulture),
            long.Parse(fields[1], CultureInfo.InvariantCulture),
            double.Parse(fields[2], CultureInfo.InvariantCulture),
            int.Parse(fields[3], CultureInfo.InvariantCulture));
    }

    private readonly record struct Sample(double Milliseconds, long AllocatedBytes, double JitMilliseconds, int JitMethods);
}
