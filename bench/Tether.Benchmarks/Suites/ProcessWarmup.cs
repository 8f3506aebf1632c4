using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace Tether.Benchmarks.Suites;

/// <summary>
/// Calls every client of a suite in turn for a fixed time before BenchmarkDotNet's own warm-up. The suites run in one
/// process (see <see cref="SuiteConfig"/>), and without this whichever benchmark came first absorbed the tiered JIT's
/// background work on all the clients' code: it measured up to 1.5× slower with five times the spread, whichever
/// client it was. In a smoke run the warm-up is a single call each.
/// </summary>
internal static class ProcessWarmup
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);

    public static void Run(params Func<Task>[] calls)
    {
        var stopwatch = Stopwatch.StartNew();
        do
        {
            foreach (var call in calls)
            {
                call().GetAwaiter().GetResult();
            }
        }
        while (!SuiteConfig.Smoke && stopwatch.Elapsed < Duration);
    }

    public static void Run(params Action[] calls) =>
        Run(Array.ConvertAll(calls, call => (Func<Task>)(() =>
        {
            call();
            return Task.CompletedTask;
        })));
}
