using System.Collections.Concurrent;

namespace Tether.Runtime.Tests.Telemetry.Support;

/// <summary>An <see cref="ITetherLogger"/> that keeps every event, in order.</summary>
internal sealed class RecordingLogger : ITetherLogger
{
    private readonly ConcurrentQueue<TetherLogEvent> _events = new();

    public bool IsEnabled { get; set; } = true;

    public IReadOnlyList<TetherLogEvent> Events => _events.ToList();

    public IReadOnlyList<TetherRetryLogEvent> Retries => _events.OfType<TetherRetryLogEvent>().ToList();

    public IReadOnlyList<TetherTimeoutLogEvent> Timeouts => _events.OfType<TetherTimeoutLogEvent>().ToList();

    public IReadOnlyList<TetherFailureLogEvent> Failures => _events.OfType<TetherFailureLogEvent>().ToList();

    public void LogRetry(TetherRetryLogEvent retry) => _events.Enqueue(retry);

    public void LogTimeout(TetherTimeoutLogEvent timeout) => _events.Enqueue(timeout);

    public void LogFailure(TetherFailureLogEvent failure) => _events.Enqueue(failure);
}
