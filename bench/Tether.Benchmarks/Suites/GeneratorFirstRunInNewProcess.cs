using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

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

    /// <summary>Runs <paramref name="processes"/> children one after another and prints their timings.</summary>
    public static bool MeasureAndReport(int processes)
    {
        var samples = new List<(double Milliseconds, long AllocatedBytes)>();
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
        Console.WriteLine("| Runs | Min | Median | Max | Allocated (median) |");
        Console.WriteLine("|-----:|----:|-------:|----:|-------------------:|");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {processes} | {times[0]:N0} ms | {times[times.Count / 2]:N0} ms | {times[^1]:N0} ms | {samples.Select(s => s.AllocatedBytes).OrderBy(b => b).ElementAt(samples.Count / 2) / (1024.0 * 1024.0):N1} MB |"));
        return true;
    }

    /// <summary>The child: prepare the compilation, then time the one generator run. Prints "milliseconds allocatedBytes".</summary>
    public static int RunInThisProcess()
    {
        var workspace = new GeneratorWorkspace();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var driver = workspace.CreateDriver().RunGenerators(workspace.Compilation);
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        GeneratorWorkspace.EnsureGenerated(driver);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stopwatch.Elapsed.TotalMilliseconds:F1} {allocated}"));
        return 0;
    }

    private static (double Milliseconds, long AllocatedBytes)? RunChild()
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
        if (process.ExitCode != 0 || fields.Length != 2)
        {
            Console.WriteLine($"// the generator process failed (exit code {process.ExitCode}): {output.Result}");
            return null;
        }

        return (double.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture));
    }
}
