using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Tether.Benchmarks;

/// <summary>
/// The jobs of the suite. Program sets <see cref="Smoke"/> before BenchmarkDotNet reads the <c>[Config]</c> attributes:
/// a smoke run executes every benchmark once (BenchmarkDotNet's dry job) to prove the suite still builds and runs;
/// a measurement run uses a short job sized so the whole suite finishes in minutes on a 2-core machine.
/// </summary>
public static class SuiteConfig
{
    public static bool Smoke { get; set; }

    /// <summary>Throughput measurement: warmed, 15 measured iterations of at least 250 ms each.</summary>
    public sealed class Measure : ManualConfig
    {
        public Measure()
        {
            AddJob(Smoke
                ? Job.Dry.WithId("smoke")
                : Job.Default.WithId("measure").WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15)
                    .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250)));
        }
    }

    /// <summary>One measurement per fresh process, five processes: the cost of the very first call, JIT included.</summary>
    public sealed class ColdStart : ManualConfig
    {
        public ColdStart()
        {
            AddJob(Smoke
                ? Job.Dry.WithId("smoke")
                : Job.Default.WithId("cold-process").WithStrategy(RunStrategy.ColdStart).WithLaunchCount(5)
                    .WithWarmupCount(0).WithIterationCount(1));
        }
    }
}
