using System.Diagnostics;

namespace Tether.EndToEnd.Tests.Support;

/// <summary>
/// Records the finished <c>Tether</c> spans of calls to one test server (its port): other tests run beside it and
/// their spans reach every listener.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly List<Activity> _spans = [];
    private readonly ActivityListener _listener;

    public SpanRecorder(FakeOpenAIServer server)
    {
        var port = server.BaseAddress.Port;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TetherTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("server.port") is int p && p == port)
                {
                    lock (_spans)
                    {
                        _spans.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_spans)
            {
                return _spans.ToArray();
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
