using System;
using System.Globalization;

namespace Tether;

/// <summary>
/// The rate-limit headers OpenAI (and services copying it) send on every response: limits, what remains in the
/// current window, and when each resets. Any part the response lacks is <see langword="null"/>.
/// </summary>
public sealed class TetherRateLimits
{
    private TetherRateLimits()
    {
    }

    /// <summary><c>x-ratelimit-limit-requests</c>: requests allowed per window.</summary>
    public long? RequestLimit { get; private init; }

    /// <summary><c>x-ratelimit-limit-tokens</c>: tokens allowed per window.</summary>
    public long? TokenLimit { get; private init; }

    /// <summary><c>x-ratelimit-remaining-requests</c>.</summary>
    public long? RemainingRequests { get; private init; }

    /// <summary><c>x-ratelimit-remaining-tokens</c>.</summary>
    public long? RemainingTokens { get; private init; }

    /// <summary><c>x-ratelimit-reset-requests</c> (e.g. <c>1s</c>, <c>6m0s</c>): until the request limit resets.</summary>
    public TimeSpan? RequestsReset { get; private init; }

    /// <summary><c>x-ratelimit-reset-tokens</c>: until the token limit resets.</summary>
    public TimeSpan? TokensReset { get; private init; }

    internal static TetherRateLimits? From(TetherResponseInfo response)
    {
        var limits = new TetherRateLimits
        {
            RequestLimit = Count(response.Header("x-ratelimit-limit-requests")),
            TokenLimit = Count(response.Header("x-ratelimit-limit-tokens")),
            RemainingRequests = Count(response.Header("x-ratelimit-remaining-requests")),
            RemainingTokens = Count(response.Header("x-ratelimit-remaining-tokens")),
            RequestsReset = GoDuration.Parse(response.Header("x-ratelimit-reset-requests")),
            TokensReset = GoDuration.Parse(response.Header("x-ratelimit-reset-tokens")),
        };
        return limits.RequestLimit is null && limits.TokenLimit is null && limits.RemainingRequests is null
            && limits.RemainingTokens is null && limits.RequestsReset is null && limits.TokensReset is null
            ? null
            : limits;
    }

    private static long? Count(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
