using System;

namespace Tether;

/// <summary>
/// A call needs a credential that was neither configured nor found in its environment variable, or the credential
/// callback failed. Thrown when the call is made (not when the client is built), before the attempt is sent.
/// </summary>
public class TetherCredentialException : TetherException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing and where it may be set.</param>
    public TetherCredentialException(string message)
        : base(message, attempts: 0)
    {
    }

    /// <summary>Creates the exception with its cause (a credential callback that threw).</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The callback's exception.</param>
    public TetherCredentialException(string message, Exception innerException)
        : base(message, attempts: 0, innerException)
    {
    }
}
