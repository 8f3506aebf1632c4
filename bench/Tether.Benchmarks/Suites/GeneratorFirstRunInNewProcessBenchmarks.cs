using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace Tether.Benchmarks.Suites;

/// <summary>
/// Suite 4, cold: the generator's first run over the full spec in a brand-new process, JIT compilation of the
/// generator, OpenAPI.NET and the YAML reader included, as in the first build after the compiler server starts.
/// One measurement per process (BenchmarkDotNet's cold-start strategy, see <see cref="SuiteConfig"/>).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SuiteConfig.ColdStart))]
public class GeneratorFirstRunInNewProcessBenchmarks
{
    private GeneratorWorkspace _workspace = null!;

    // The workspace (reading the spec file, parsing the C# files, loading reference assemblies) is the compiler's work,
    // done before generators run, so it stays out of the measurement.
    [GlobalSetup]
    public void Setup() => _workspace = new GeneratorWorkspace();

    [Benchmark(Description = "first run in a new process (full spec)")]
    public GeneratorDriver FirstRunInNewProcess() => _workspace.CreateDriver().RunGenerators(_workspace.Compilation);
}
