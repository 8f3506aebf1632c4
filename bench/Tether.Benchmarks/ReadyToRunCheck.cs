using System;
using System.Diagnostics;
using System.Linq;
using Tether.Benchmarks.Suites;

namespace Tether.Benchmarks;

/// <summary>
/// The internal mode behind bench/ready-to-run.sh: the 221 KB Responses JSON read and written, Tether beside the SDK,
/// timed in this process as it was started. The script starts it from a ReadyToRun publish with tiering off (the
/// precompiled code runs as it is, so a Tether.Runtime helper that ReadyToRun cannot inline into the generated code
/// stays a call), with tiering on (what an application gets), and with the precompiled code ignored (the JIT's
/// own code, inlining across assemblies): the concern that moving helpers into the runtime costs ReadyToRun users,
/// measured rather than assumed.
/// </summary>
internal static class ReadyToRunCheck
{
    public const string Argument = "--ready-to-run-check";

    private const int Rounds = 30;
    private const int CallsPerRound = 40;

    public static int Run()
    {
        var suite = new ResponsesJsonBenchmarks();
        suite.Setup();
        Report("Tether deserialize", () => suite.TetherDeserialize());
        Report("SDK deserialize", () => suite.SdkDeserialize());
        Report("Tether serialize", () => suite.TetherSerialize());
        Report("SDK serialize", () => suite.SdkSerialize());
        return 0;
    }

    private static void Report(string name, Func<object> call)
    {
        // The first round includes what a cold call costs (and, with tiering on, the move to optimized code).
        var perCall = new double[Rounds];
        for (var round = 0; round < Rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < CallsPerRound; i++)
            {
                GC.KeepAlive(call());
            }

            perCall[round] = watch.Elapsed.TotalMicroseconds / CallsPerRound;
        }

        var steady = perCall.Skip(Rounds / 3).Order().ToArray();
        // The best round is the steadiest figure on a shared machine: other work only ever adds time.
        Console.WriteLine($"{name}: best {steady[0]:F0} µs, median {steady[steady.Length / 2]:F0} µs per call (first round {perCall[0]:F0} µs)");
    }
}
