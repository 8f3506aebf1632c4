using System;

namespace Tether;

/// <summary>
/// A webhook delivery was rejected: its signature, timestamp, headers or body failed a check, or no secret was
/// available. <see cref="Check"/> says which; the message never contains the secret.
/// </summary>
public class TetherWebhookException : TetherException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="check">The check that failed.</param>
    /// <param name="message">What failed, without the secret.</param>
    /// <param name="innerException">The cause, if any (a JSON error for <see cref="WebhookCheck.Payload"/>).</param>
    public TetherWebhookException(WebhookCheck check, string message, Exception? innerException = null)
        : base(message, attempts: 0, innerException)
    {
        Check = check;
    }

    /// <summary>The check that failed.</summary>
    public WebhookCheck Check { get; }
}
