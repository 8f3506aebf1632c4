using System;

namespace Tether;

/// <summary>
/// Base class of every exception a Tether client throws for a failed call: catch it to handle all of them at once.
/// </summary>
/// <remarks>
/// Messages, <see cref="Exception.ToString"/> and every property of the derived exceptions are built so that they
/// never contain the API key the request carried. Caller cancellation is not a <see cref="TetherException"/>: it is
/// an <see cref="OperationCanceledException"/> carrying the caller's token, as everywhere in .NET.
/// </remarks>
public class TetherException : Exception
{
    /// <summary>Creates an exception with a message and an optional cause.</summary>
    /// <param name="message">What failed; must not contain secrets.</param>
    /// <param name="attempts">How many HTTP attempts were made before giving up (0 when none was made).</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public TetherException(string message, int attempts, Exception? innerException = null)
        : base(message, innerException)
    {
        Attempts = attempts;
    }

    /// <summary>How many HTTP attempts were made, the first one included; 0 when the call failed before sending.</summary>
    public int Attempts { get; }
}
