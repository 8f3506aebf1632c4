using System;

namespace Tether;

/// <summary>A time limit fired; see <see cref="ITetherLogger.LogTimeout"/>.</summary>
public sealed class TetherTimeoutLogEvent : TetherLogEvent
{
    /// <summary>Describes a timeout.</summary>
    /// <param name="operationName">The spec's <c>operationId</c>, or <see langword="null"/>.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="url">The URL without query string, user info or credential.</param>
    /// <param name="limit">Which limit fired.</param>
    /// <param name="timeout">Its value, when known.</param>
    /// <param name="attempt">The attempt it ended, 1 for the first.</param>
    /// <param name="willRetry">Whether another attempt follows.</param>
    public TetherTimeoutLogEvent(string? operationName, string method, string url, TetherTimeoutLimit limit, TimeSpan? timeout, int attempt, bool willRetry)
        : base(operationName, method, url)
    {
        Limit = limit;
        Timeout = timeout;
        Attempt = attempt;
        WillRetry = willRetry;
    }

    /// <summary>Which limit fired (see <see cref="TetherTimeoutException.Limit"/>).</summary>
    public TetherTimeoutLimit Limit { get; }

    /// <summary>The limit's value; <see langword="null"/> for a transport limit of unknown value.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>The attempt the limit ended, 1 for the first.</summary>
    public int Attempt { get; }

    /// <summary>Whether the call tries again; when <see langword="false"/>, a <see cref="ITetherLogger.LogFailure"/> follows.</summary>
    public bool WillRetry { get; }
}
