namespace Tether;

/// <summary>
/// Receives what a Tether client has to say about its calls: each retry, each timeout, and each call that finally
/// failed. Set it on <see cref="TetherClientOptions.Logger"/>; <c>Tether.Extensions.Http</c> adapts
/// <c>Microsoft.Extensions.Logging</c> to it (<c>options.UseLogging(loggerFactory)</c>, automatic with
/// <c>AddTetherClient</c>), so this assembly depends on no logging framework.
/// </summary>
/// <remarks>
/// The events never carry the API key or bearer token, the request's headers or its query string. Methods are
/// called on the thread that runs the call, synchronously: keep them quick and do not throw.
/// </remarks>
public interface ITetherLogger
{
    /// <summary>
    /// Whether any event would be recorded. Read at the start of each call: when <see langword="false"/>, the call
    /// does no logging bookkeeping at all.
    /// </summary>
    bool IsEnabled { get; }

    /// <summary>An attempt failed and the call will try again after <see cref="TetherRetryLogEvent.Delay"/>.</summary>
    /// <param name="retry">What failed and when the next attempt starts.</param>
    void LogRetry(TetherRetryLogEvent retry);

    /// <summary>
    /// A time limit fired: an attempt's (retried or not) or an event stream's idle limit. Comes before the
    /// <see cref="LogRetry"/> or <see cref="LogFailure"/> of the same failure.
    /// </summary>
    /// <param name="timeout">Which limit fired and its value.</param>
    void LogTimeout(TetherTimeoutLogEvent timeout);

    /// <summary>
    /// The call failed for good (after any retries), including an event stream that failed mid-way. Not called for
    /// cancellation through the caller's token, which is the caller's decision, not a failure.
    /// </summary>
    /// <param name="failure">The final error and how many attempts were made.</param>
    void LogFailure(TetherFailureLogEvent failure);

    /// <summary>
    /// A JSON response was read tolerantly: members that did not fit the spec were kept raw (see
    /// <see cref="TetherMismatchExtensions.GetMismatches"/>). Does nothing unless implemented, so that loggers
    /// written before it keep compiling.
    /// </summary>
    /// <param name="tolerated">How many members, and which.</param>
    void LogTolerated(TetherToleratedLogEvent tolerated)
    {
    }
}
