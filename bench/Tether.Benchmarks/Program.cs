using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Tether.Benchmarks.Server;

namespace Tether.Benchmarks;

/// <summary>
/// Runs the suite (see docs/benchmarks.md). Arguments go to BenchmarkDotNet (<c>--filter</c>, <c>--list</c>, …),
/// plus <c>--smoke</c> (every benchmark once, quickly) and the internal <c>--serve</c> (the loopback server process).
/// </summary>
internal static class Program
{
    private const string SmokeArgument = "--smoke";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 1 && args[0] == ServerProcess.ServeArgument)
        {
            return await ServerProcess.ServeAsync().ConfigureAwait(false);
        }

        SuiteConfig.Smoke = args.Contains(SmokeArgument);
        var benchmarkArgs = args.Where(arg => arg != SmokeArgument).ToArray();
        using var server = ServerProcess.Start();
        // Benchmark processes inherit the environment, so they all find this one server.
        Environment.SetEnvironmentVariable(ServerProcess.BaseAddressVariable, server.BaseAddress.AbsoluteUri);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(benchmarkArgs, DefaultConfig.Instance);
        // A benchmark that threw (a client that failed its check in GlobalSetup) must fail the run, above all in CI.
        return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
    }
}
