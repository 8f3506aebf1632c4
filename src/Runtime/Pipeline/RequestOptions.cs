using System;
using System.Collections.Generic;

namespace Tether;

/// <summary>
/// Settings for one call, overriding the client's <see cref="TetherClientOptions"/>. Every generated operation
/// accepts one (optional). Setters validate like those of <see cref="TetherClientOptions"/>.
/// </summary>
public sealed class RequestOptions
{
    private TimeSpan? _timeout;
    private int? _maxRetries;
    private Dictionary<string, string>? _headers;

    /// <summary>
    /// The per-attempt timeout for this call (see <see cref="TetherClientOptions.Timeout"/>);
    /// <see langword="null"/> keeps the client's.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive (or infinite), or longer than about 24.8 days.</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        set => _timeout = value is { } timeout ? TetherClientOptions.ValidateTimeout(timeout, nameof(Timeout)) : null;
    }

    /// <summary>Retries for this call (0 disables); <see langword="null"/> keeps the client's <see cref="TetherClientOptions.MaxRetries"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, or more than 100.</exception>
    public int? MaxRetries
    {
        get => _maxRetries;
        set => _maxRetries = value is { } retries ? TetherClientOptions.ValidateMaxRetries(retries, nameof(MaxRetries)) : null;
    }

    /// <summary>
    /// Extra headers for this call (case-insensitive names); they take precedence over the client's default headers
    /// and the operation's own headers.
    /// </summary>
    public IDictionary<string, string> Headers => _headers ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether any header was added, without allocating the dictionary.</summary>
    internal bool HasHeaders => _headers is { Count: > 0 };
}
