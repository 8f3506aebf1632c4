using System.Collections.Concurrent;
using System.Diagnostics;

namespace Tether.Runtime.Tests.Telemetry.Support;

/// <summary>
/// Listens to Tether's and HttpClient's (<c>System.Net.Http</c>) spans, and starts a root activity of the test's own:
/// calls made while it is current belong to its trace, which is how <see cref="Spans"/> keeps only this test's spans.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    public const string HttpClientSource = "System.Net.Http";

    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<Activity> _started = new();
    private readonly Activity _root;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is TetherTelemetry.ActivitySourceName or HttpClientSource,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = _started.Enqueue,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
        _root = new Activity("telemetry-test").SetIdFormat(ActivityIdFormat.W3C).Start();
    }

    public ActivityTraceId TraceId => _root.TraceId;

    /// <summary>This test's stopped spans, in the order they stopped.</summary>
    public IReadOnlyList<Activity> Spans => _stopped.Where(a => a.TraceId == TraceId).ToList();

    /// <summary>This test's spans started so far, stopped or not.</summary>
    public IReadOnlyList<Activity> Started => _started.Where(a => a.TraceId == TraceId).ToList();

    public IReadOnlyList<Activity> TetherSpans => Spans.Where(a => a.Source.Name == TetherTelemetry.ActivitySourceName).ToList();

    public IReadOnlyList<Activity> HttpClientSpans => Spans.Where(a => a.Source.Name == HttpClientSource).ToList();

    public void Dispose()
    {
        _root.Stop();
        _listener.Dispose();
    }
}
