using System;
using System.Collections.Generic;

namespace Tether;

/// <summary>
/// Keeps credentials out of everything an exception exposes. A server or proxy may echo the request's
/// <c>Authorization</c> header back in its body or headers, so redaction removes the secret's text wherever it
/// appears, not only in headers known to carry credentials.
/// </summary>
internal static class SecretRedactor
{
    public const string Placeholder = "[REDACTED]";

    private static readonly HashSet<string> CredentialHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization",
        "Proxy-Authorization",
        "Cookie",
        "Set-Cookie",
        "api-key",
        "x-api-key",
    };

    public static bool IsCredentialHeader(string name) => CredentialHeaders.Contains(name);

    /// <summary>Returns <paramref name="text"/> with every occurrence of <paramref name="secret"/> replaced.</summary>
    public static string Redact(string text, string? secret) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, Placeholder, StringComparison.Ordinal);

    /// <summary>Returns <paramref name="text"/> with every occurrence of each of <paramref name="secrets"/> replaced.</summary>
    public static string Redact(string text, IReadOnlyList<string>? secrets)
    {
        if (secrets is null)
        {
            return text;
        }

        foreach (string secret in secrets)
        {
            text = Redact(text, secret);
        }

        return text;
    }

    /// <inheritdoc cref="Redact(string, IReadOnlyList{string}?)"/>
    public static string? RedactOrNull(string? text, IReadOnlyList<string>? secrets) => text is null ? null : Redact(text, secrets);
}
