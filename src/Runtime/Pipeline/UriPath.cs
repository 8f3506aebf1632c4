using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Tether;

/// <summary>Escapes path parameters so that a value can never leave its own path segment.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class UriPath
{
    /// <summary>
    /// Percent-encodes <paramref name="value"/> for use as one path segment: everything except RFC 3986 unreserved
    /// characters (<c>A–Z a–z 0–9 - . _ ~</c>) is encoded, so <c>/</c>, <c>?</c>, <c>#</c> and <c>%</c> stay data
    /// (<c>../x</c> becomes the single segment <c>..%2Fx</c>). Non-ASCII text is encoded as UTF-8.
    /// </summary>
    /// <remarks>
    /// The values <c>.</c> and <c>..</c> are rejected: no encoding keeps them inside their segment, because
    /// <c>%2E%2E</c> is equivalent to <c>..</c> under RFC 3986 normalization and servers (Kestrel among them) decode
    /// it and then walk up the path. The official OpenAI SDKs reject them too.
    /// </remarks>
    /// <param name="value">The parameter value.</param>
    /// <param name="parameterName">Filled in by the compiler; names the parameter in exceptions.</param>
    /// <returns>The encoded segment, without slashes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, <c>.</c> or <c>..</c>: each would address a different resource.</exception>
    public static string EscapeSegment(string value, [CallerArgumentExpression(nameof(value))] string? parameterName = null)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (value.Length == 0)
        {
            throw new ArgumentException("A path parameter must not be empty: an empty segment would address a different resource.", parameterName);
        }

        if (value is "." or "..")
        {
            throw new ArgumentException($"A path parameter must not be '{value}': servers treat it as a relative path step, even when percent-encoded.", parameterName);
        }

        return Uri.EscapeDataString(value);
    }

    /// <summary>Formats an integer path parameter (invariant culture).</summary>
    /// <param name="value">The parameter value.</param>
    /// <returns>The decimal digits of <paramref name="value"/>.</returns>
    public static string EscapeSegment(long value) => value.ToString(CultureInfo.InvariantCulture);
}
