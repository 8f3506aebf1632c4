namespace Tether;

/// <summary>
/// A call needs a credential that was neither configured nor found in its environment variable. Thrown when the
/// call is made (not when the client is built), before anything is sent.
/// </summary>
public class TetherCredentialException : TetherException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing and where it may be set.</param>
    public TetherCredentialException(string message)
        : base(message, attempts: 0)
    {
    }
}
