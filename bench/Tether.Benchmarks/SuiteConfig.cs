using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Tether.Benchmarks;

/// <summary>
/// The job of every suite. Program sets <see cref="Smoke"/> before BenchmarkDotNet reads the <c>[Config]</c>
/// attributes: a smoke run executes every benchmark once (BenchmarkDotNet's dry job) to prove the suite still builds and
/// runs; a measurement run uses a short job sized so that the whole suite takes minutes on a 2-core machine.
/// </summary>
/// <remarks>
/// Benchmarks run in this process (in-process toolchain): BenchmarkDotNet's default toolchain would compile the
/// project a second time, 21 MB of generated client included, for minutes. Allocations stay the client's own because
/// the loopback server runs in a separate process (<see cref="Server.ServerProcess"/>).
/// </remarks>
public static class SuiteConfig
{
    public static bool Smoke { get; set; }

    /// <summary>Warmed throughput measurement: 15 measured iterations of at least 250 ms each.</summary>
    public sealed class Measure : ManualConfig
    {
        public Measure()
        {
            var job = Smoke
                ? Job.Dry.WithId("smoke")
                : Job.Default.WithId("measure").WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15)
                    .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250));
            AddJob(job.WithToolchain(InProcessEmitToolchain.Instance));
        }
    }
}
