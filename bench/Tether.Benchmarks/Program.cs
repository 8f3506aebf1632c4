using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Tether.Benchmarks.Server;
using Tether.Benchmarks.Suites;

namespace Tether.Benchmarks;

/// <summary>
/// Runs the suite (see docs/benchmarks.md). Arguments go to BenchmarkDotNet (<c>--filter</c>, <c>--list</c>, …),
/// plus <c>--smoke</c> (every benchmark once, quickly). <c>--serve</c> and <c>--generator-first-run</c> are the
/// internal modes of the child processes this program starts; <c>--ready-to-run-check</c> that of bench/ready-to-run.sh.
/// </summary>
internal static class Program
{
    private const string SmokeArgument = "--smoke";
    private const int ColdProcessCount = 5;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 1 && args[0] == ServerProcess.ServeArgument)
        {
            return await ServerProcess.ServeAsync().ConfigureAwait(false);
        }

        if (args.Length == 1 && args[0] == ReadyToRunCheck.Argument)
        {
            return ReadyToRunCheck.Run();
        }

        if (args.Length >= 1 && args[0] == GeneratorFirstRunInNewProcess.ChildArgument)
        {
            return args.Length == 2 && args[1] == GeneratorFirstRunInNewProcess.BreakdownArgument
                ? GeneratorFirstRunInNewProcess.RunInThisProcessWithBreakdown()
                : GeneratorFirstRunInNewProcess.RunInThisProcess();
        }

        SuiteConfig.Smoke = args.Contains(SmokeArgument);
        var benchmarkArgs = args.Where(arg => arg != SmokeArgument).ToArray();
        using var server = ServerProcess.Start();
        server.WarmUp(SuiteConfig.Smoke ? TimeSpan.Zero : TimeSpan.FromSeconds(5));
        // Benchmark code finds the one server of the run through the environment.
        Environment.SetEnvironmentVariable(ServerProcess.BaseAddressVariable, server.BaseAddress.AbsoluteUri);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(benchmarkArgs, DefaultConfig.Instance).ToList();
        // A benchmark that threw (a client that failed its check in GlobalSetup) must fail the run, above all in CI.
        var succeeded = summaries.Count > 0
            && summaries.All(summary => !summary.HasCriticalValidationErrors && summary.Reports.All(report => report.Success));

        var generatorSelected = summaries.Any(summary => summary.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(GeneratorBenchmarks)));
        if (generatorSelected)
        {
            succeeded &= GeneratorFirstRunInNewProcess.MeasureAndReport(SuiteConfig.Smoke ? 1 : ColdProcessCount);
        }

        return succeeded ? 0 : 1;
    }
}
