using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tether;

/// <summary>
/// The process-wide <see cref="ActivitySource"/> and <see cref="Meter"/> behind <see cref="TetherTelemetry"/>'s
/// names, and the instruments. Static, like <see cref="System.Net.Http.HttpClient"/>'s own: listeners subscribe by
/// name, whatever client made the call.
/// </summary>
internal static class TetherInstruments
{
    public static readonly ActivitySource Source = new(TetherTelemetry.ActivitySourceName, TetherClientOptions.RuntimeVersion());

    public static readonly Meter Meter = new(TetherTelemetry.MeterName, TetherClientOptions.RuntimeVersion());

    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        TetherTelemetry.OperationDurationMetric,
        unit: "s",
#if NET9_0_OR_GREATER
        description: "Duration of Tether operation calls, all attempts and retry waits included.",
        tags: null,
        // LLM calls take seconds to minutes: the default buckets (up to 10 s) would put most of them in the last one.
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600] });
#else
        description: "Duration of Tether operation calls, all attempts and retry waits included.");
#endif

    public static readonly Counter<long> Attempts = Meter.CreateCounter<long>(
        TetherTelemetry.AttemptsMetric, unit: "{attempt}", description: "HTTP attempts made by Tether clients, counted as each ends.");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        TetherTelemetry.RetriesMetric, unit: "{retry}", description: "Retries made by Tether clients, by reason.");

    /// <summary>
    /// Whether a call needs any bookkeeping: a span listener, an enabled instrument or an enabled logger. When
    /// <see langword="false"/>, the call runs without telemetry and allocates nothing for it.
    /// </summary>
    public static bool AnyoneListens(ITetherLogger? logger) =>
        Source.HasListeners() || OperationDuration.Enabled || Attempts.Enabled || Retries.Enabled || (logger is not null && logger.IsEnabled);
}
