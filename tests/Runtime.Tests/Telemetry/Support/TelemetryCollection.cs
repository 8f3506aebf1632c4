using Xunit;

namespace Tether.Runtime.Tests.Telemetry.Support;

/// <summary>
/// Listeners of an <see cref="System.Diagnostics.ActivitySource"/> or a Meter are process-wide: the telemetry tests
/// run one at a time, apart from the others, so that a listener of one test is never attached during a test that
/// proves nothing happens without one. Each test also filters what it saw to its own calls.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
