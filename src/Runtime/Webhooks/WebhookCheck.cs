namespace Tether;

/// <summary>Which check of a webhook delivery failed (see <see cref="TetherWebhookException.Check"/>).</summary>
public enum WebhookCheck
{
    /// <summary>No secret was given, configured, or found in the client's environment variable.</summary>
    Secret,

    /// <summary>The secret is not <c>whsec_</c> followed by base64 (or plain base64).</summary>
    SecretFormat,

    /// <summary>A required header (<c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c>) is missing or empty.</summary>
    Headers,

    /// <summary><c>webhook-timestamp</c> is not a whole number of Unix seconds.</summary>
    TimestampFormat,

    /// <summary>The delivery is older than the tolerance allows (a replay, or a very late retry).</summary>
    TimestampTooOld,

    /// <summary>The delivery is dated further in the future than the tolerance allows (a clock far off, or a forgery).</summary>
    TimestampTooNew,

    /// <summary>No <c>v1,</c> signature in <c>webhook-signature</c> matches the body, id and timestamp.</summary>
    Signature,

    /// <summary>The signed body is not a JSON event the client can read.</summary>
    Payload,
}
