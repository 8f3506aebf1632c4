using Xunit;

namespace Tether.Runtime.Tests.Telemetry;

public sealed class NoLoggingDependencyTests
{
    [Fact]
    public void TheRuntime_ReferencesNoLoggingFramework()
    {
        // Apps that do not log must not pull Microsoft.Extensions.Logging in: the hook is Tether's own ITetherLogger.
        string[] references = typeof(TetherPipeline).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Contains("System.Diagnostics.DiagnosticSource", references); // ActivitySource and Meter: the framework's own
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));
    }
}
