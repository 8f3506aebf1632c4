using System;

namespace Tether;

/// <summary>
/// A time limit ended the call (after any retries). <see cref="Limit"/> says which one and <see cref="Timeout"/> its
/// value. Cancellation through the caller's <see cref="System.Threading.CancellationToken"/> is never reported this
/// way: it surfaces as an <see cref="OperationCanceledException"/> carrying that token.
/// </summary>
public class TetherTimeoutException : TetherException
{
    /// <summary>Creates the exception; the pipeline does this, tests and mocks may too.</summary>
    /// <param name="message">What happened; must not contain secrets.</param>
    /// <param name="limit">Which limit fired.</param>
    /// <param name="timeout">The value of that limit, when known.</param>
    /// <param name="attempts">How many HTTP attempts were made.</param>
    /// <param name="innerException">The cancellation or timeout exception that reported it.</param>
    public TetherTimeoutException(string message, TetherTimeoutLimit limit, TimeSpan? timeout, int attempts, Exception? innerException)
        : base(message, attempts, innerException)
    {
        Limit = limit;
        Timeout = timeout;
    }

    /// <summary>Which limit fired.</summary>
    public TetherTimeoutLimit Limit { get; }

    /// <summary>The value of the limit that fired; <see langword="null"/> when a transport limit of unknown value fired.</summary>
    public TimeSpan? Timeout { get; }
}
