using System;

namespace Tether;

/// <summary>
/// No response could be obtained: the connection was refused, reset or dropped, the name did not resolve, TLS
/// failed, or the connection was lost while a streamed response was being read.
/// </summary>
public class TetherConnectionException : TetherException
{
    /// <summary>Creates the exception; the pipeline does this, tests and mocks may too.</summary>
    /// <param name="message">What failed; must not contain secrets.</param>
    /// <param name="attempts">How many HTTP attempts were made.</param>
    /// <param name="innerException">The transport's exception (usually an <see cref="System.Net.Http.HttpRequestException"/>
    /// or an <see cref="System.IO.IOException"/>).</param>
    public TetherConnectionException(string message, int attempts, Exception? innerException)
        : base(message, attempts, innerException)
    {
    }
}
