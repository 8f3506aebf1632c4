using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tether;

/// <summary>
/// The Standard Webhooks signature scheme (standardwebhooks.com), as OpenAI signs its webhooks: HMAC-SHA256 over
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c> keyed with the secret (<c>whsec_</c> + base64), sent in
/// <c>webhook-signature</c> as space-separated <c>v1,&lt;base64&gt;</c> entries (several while a key is rotated).
/// </summary>
public static class WebhookSignature
{
    /// <summary>How far a delivery's timestamp may be from now, either way, when no tolerance is set: 5 minutes.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The header carrying the delivery's unique id (the same on every retry of it).</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>The header carrying the delivery's Unix time in seconds.</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>The header carrying the signatures.</summary>
    public const string SignatureHeader = "webhook-signature";

    private const string SecretPrefix = "whsec_";
    private const string VersionPrefix = "v1,";

    /// <summary>
    /// Checks a delivery: the three headers are present, the timestamp is within <paramref name="tolerance"/> of
    /// <paramref name="now"/>, and one <c>v1</c> signature matches (compared in constant time).
    /// </summary>
    /// <param name="payload">The raw request body, exactly as received.</param>
    /// <param name="headers">The request's headers.</param>
    /// <param name="secret">The endpoint's signing secret, <c>whsec_…</c>.</param>
    /// <param name="tolerance">How far the timestamp may be from <paramref name="now"/>, either way.</param>
    /// <param name="now">The current time (a parameter, so that tests and replays can fix it).</param>
    /// <exception cref="TetherWebhookException">A check failed; <see cref="TetherWebhookException.Check"/> says which.</exception>
    public static void Verify(ReadOnlySpan<byte> payload, WebhookHeaders headers, string secret, TimeSpan tolerance, DateTimeOffset now)
    {
        var key = DecodeSecret(secret);
        var id = Required(headers, IdHeader);
        var timestampText = Required(headers, TimestampHeader);
        var signatures = Required(headers, SignatureHeader);

        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new TetherWebhookException(WebhookCheck.TimestampFormat, $"The {TimestampHeader} header is not Unix seconds: '{Shorten(timestampText)}'.");
        }

        var age = now.ToUnixTimeSeconds() - seconds;
        var limit = (long)Math.Ceiling(tolerance.TotalSeconds);
        if (age > limit)
        {
            throw new TetherWebhookException(WebhookCheck.TimestampTooOld, $"The delivery is {age} s old, more than the {limit} s tolerance allows.");
        }

        if (-age > limit)
        {
            throw new TetherWebhookException(WebhookCheck.TimestampTooNew, $"The delivery is dated {-age} s in the future, more than the {limit} s tolerance allows.");
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        ComputeHash(key, id, timestampText, payload, expected);
        Span<byte> candidate = stackalloc byte[HMACSHA256.HashSizeInBytes];
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (entry.StartsWith(VersionPrefix, StringComparison.Ordinal)
                && Convert.TryFromBase64String(entry.Substring(VersionPrefix.Length), candidate, out var written)
                && written == candidate.Length
                && CryptographicOperations.FixedTimeEquals(candidate, expected))
            {
                return;
            }
        }

        throw new TetherWebhookException(WebhookCheck.Signature, $"No v1 signature in the {SignatureHeader} header matches the body, {IdHeader} and {TimestampHeader}.");
    }

    /// <summary>
    /// The <c>webhook-signature</c> value a sender computes for a delivery (<c>v1,&lt;base64&gt;</c>): to test an
    /// endpoint, or to sign deliveries of your own.
    /// </summary>
    /// <param name="id">The <c>webhook-id</c> value.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c> value (Unix seconds).</param>
    /// <param name="payload">The body.</param>
    /// <param name="secret">The signing secret, <c>whsec_…</c>.</param>
    public static string Sign(string id, long timestamp, ReadOnlySpan<byte> payload, string secret)
    {
        ArgumentNullException.ThrowIfNull(id);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        ComputeHash(DecodeSecret(secret), id, timestamp.ToString(CultureInfo.InvariantCulture), payload, hash);
        return VersionPrefix + Convert.ToBase64String(hash);
    }

    private static void ComputeHash(byte[] key, string id, string timestamp, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        var prefixLength = Encoding.UTF8.GetByteCount(id) + Encoding.UTF8.GetByteCount(timestamp) + 2;
        var signed = new byte[prefixLength + payload.Length];
        var at = Encoding.UTF8.GetBytes(id, signed);
        signed[at++] = (byte)'.';
        at += Encoding.UTF8.GetBytes(timestamp, signed.AsSpan(at));
        signed[at++] = (byte)'.';
        payload.CopyTo(signed.AsSpan(at));
        HMACSHA256.HashData(key, signed, destination);
    }

    private static byte[] DecodeSecret(string secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new TetherWebhookException(WebhookCheck.Secret, "The webhook secret is empty.");
        }

        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret.Substring(SecretPrefix.Length) : secret;
        try
        {
            var key = Convert.FromBase64String(encoded.Trim());
            if (key.Length > 0)
            {
                return key;
            }
        }
        catch (FormatException)
        {
        }

        // The secret itself stays out of the message, as everywhere in Tether.
        throw new TetherWebhookException(WebhookCheck.SecretFormat, $"The webhook secret is not '{SecretPrefix}' followed by base64 ({secret.Length} characters given).");
    }

    private static string Required(WebhookHeaders headers, string name)
    {
        var value = headers[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new TetherWebhookException(WebhookCheck.Headers, $"The {name} header is missing or empty.");
        }

        return value.Trim();
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";
}
