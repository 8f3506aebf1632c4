namespace Tether;

/// <summary>
/// The <see cref="Microsoft.Extensions.Logging.EventId"/>s of the log entries Tether clients write through
/// <c>Microsoft.Extensions.Logging</c> (see <see cref="TetherLoggingExtensions"/>), for filtering and alerting.
/// </summary>
public static class TetherLogEvents
{
    /// <summary>An attempt failed and is retried (Information, event name <c>TetherRetry</c>).</summary>
    public const int Retry = 1;

    /// <summary>A time limit fired (Warning, event name <c>TetherTimeout</c>).</summary>
    public const int Timeout = 2;

    /// <summary>A call failed for good, after any retries (Error, event name <c>TetherFailure</c>, with the exception).</summary>
    public const int Failure = 3;

    /// <summary>
    /// A JSON response was read tolerantly: members that did not fit the spec were kept raw (Warning, event name
    /// <c>TetherTolerated</c>).
    /// </summary>
    public const int Tolerated = 4;
}
