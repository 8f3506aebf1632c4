using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Tether.Extensions.Tests.Support;

/// <summary>One entry written to a <see cref="RecordingLoggerProvider"/> logger, with its message formatted.</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception, IReadOnlyList<KeyValuePair<string, object?>> State);

/// <summary>A logging provider that keeps every entry of every category, down to <see cref="MinimumLevel"/>.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public LogLevel MinimumLevel { get; init; } = LogLevel.Trace;

    public IReadOnlyList<LogEntry> Entries => _entries.ToList();

    /// <summary>The entries of Tether's categories (<c>Tether.*</c>), leaving out those of HttpClientFactory and others.</summary>
    public IReadOnlyList<LogEntry> TetherEntries => _entries.Where(e => e.Category.StartsWith("Tether.", StringComparison.Ordinal)).ToList();

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider.MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
                provider._entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception, values.ToList()));
            }
        }
    }
}
