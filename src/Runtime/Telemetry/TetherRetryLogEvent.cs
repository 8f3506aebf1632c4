using System;

namespace Tether;

/// <summary>An attempt failed and will be retried; see <see cref="ITetherLogger.LogRetry"/>.</summary>
public sealed class TetherRetryLogEvent : TetherLogEvent
{
    /// <summary>Describes a retry.</summary>
    /// <param name="operationName">The spec's <c>operationId</c>, or <see langword="null"/>.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="url">The URL without query string, user info or credential.</param>
    /// <param name="attempt">The number of the attempt that failed, 1 for the first.</param>
    /// <param name="delay">The wait before the next attempt.</param>
    /// <param name="reason">Why, as <see cref="TetherTelemetry.RetryReasonTag"/>: a status code such as <c>"429"</c>, or an exception type name.</param>
    /// <param name="failure">The attempt's error; its message never contains the credential.</param>
    public TetherRetryLogEvent(string? operationName, string method, string url, int attempt, TimeSpan delay, string reason, TetherException failure)
        : base(operationName, method, url)
    {
        Attempt = attempt;
        Delay = delay;
        Reason = reason;
        Failure = failure;
    }

    /// <summary>The number of the attempt that failed, 1 for the first.</summary>
    public int Attempt { get; }

    /// <summary>The wait before the next attempt (a server's <c>Retry-After</c>, or the backoff).</summary>
    public TimeSpan Delay { get; }

    /// <summary>Why: the status code as a string (<c>"429"</c>, <c>"503"</c>) or the exception's full type name (<c>"Tether.TetherTimeoutException"</c>).</summary>
    public string Reason { get; }

    /// <summary>The error of the failed attempt.</summary>
    public TetherException Failure { get; }
}
