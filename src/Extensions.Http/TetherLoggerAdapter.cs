using System;
using Microsoft.Extensions.Logging;

namespace Tether;

/// <summary>
/// Writes a Tether client's <see cref="ITetherLogger"/> events to an <see cref="ILogger"/>, with source-generated
/// <see cref="LoggerMessageAttribute"/> methods: structured, with fixed event ids, and nothing formatted for a level
/// that is off. Retries are Information, timeouts and tolerated responses Warning, final failures Error (with the
/// exception).
/// </summary>
internal sealed partial class TetherLoggerAdapter : ITetherLogger
{
    private readonly ILogger _logger;

    public TetherLoggerAdapter(ILogger logger) => _logger = logger;

    // Any level Tether writes at: calls skip all logging work when the category is off altogether.
    public bool IsEnabled =>
        _logger.IsEnabled(LogLevel.Error) || _logger.IsEnabled(LogLevel.Warning) || _logger.IsEnabled(LogLevel.Information);

    public void LogRetry(TetherRetryLogEvent retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        Retrying(_logger, Name(retry), retry.Method, retry.Url, retry.Attempt, retry.Reason, retry.Delay.TotalMilliseconds);
    }

    public void LogTimeout(TetherTimeoutLogEvent timeout)
    {
        ArgumentNullException.ThrowIfNull(timeout);
        TimedOut(_logger, Name(timeout), timeout.Method, timeout.Url, timeout.Attempt, timeout.Limit, timeout.Timeout?.TotalSeconds, timeout.WillRetry);
    }

    public void LogFailure(TetherFailureLogEvent failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        Failed(_logger, Name(failure), failure.Method, failure.Url, failure.ErrorType, failure.Attempts, failure.Exception);
    }

    public void LogTolerated(TetherToleratedLogEvent tolerated)
    {
        ArgumentNullException.ThrowIfNull(tolerated);
        Tolerated(_logger, Name(tolerated), tolerated.Method, tolerated.Url, tolerated.Count, string.Join(',', tolerated.Members));
    }

    // Unnamed calls (no operationId) are named like their span: by the method.
    private static string Name(TetherLogEvent logEvent) => logEvent.OperationName ?? logEvent.Method;

    [LoggerMessage(EventId = TetherLogEvents.Retry, EventName = "TetherRetry", Level = LogLevel.Information,
        Message = "Retrying {OperationName} ({Method} {Url}): attempt {Attempt} failed with {Reason}; next attempt in {DelayMilliseconds} ms")]
    private static partial void Retrying(ILogger logger, string operationName, string method, string url, int attempt, string reason, double delayMilliseconds);

    [LoggerMessage(EventId = TetherLogEvents.Timeout, EventName = "TetherTimeout", Level = LogLevel.Warning,
        Message = "{OperationName} ({Method} {Url}): attempt {Attempt} hit the {TimeoutLimit} of {TimeoutSeconds} s (retrying: {WillRetry})")]
    private static partial void TimedOut(
        ILogger logger, string operationName, string method, string url, int attempt, TetherTimeoutLimit timeoutLimit, double? timeoutSeconds, bool willRetry);

    [LoggerMessage(EventId = TetherLogEvents.Failure, EventName = "TetherFailure", Level = LogLevel.Error,
        Message = "{OperationName} ({Method} {Url}) failed with {ErrorType} after {Attempts} attempt(s)")]
    private static partial void Failed(ILogger logger, string operationName, string method, string url, string errorType, int attempts, Exception exception);

    [LoggerMessage(EventId = TetherLogEvents.Tolerated, EventName = "TetherTolerated", Level = LogLevel.Warning,
        Message = "{OperationName} ({Method} {Url}): {ToleratedCount} member(s) did not fit the spec and were kept raw: {ToleratedMembers}")]
    private static partial void Tolerated(ILogger logger, string operationName, string method, string url, int toleratedCount, string toleratedMembers);
}
