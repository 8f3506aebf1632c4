using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;

namespace Tether;

/// <summary>
/// Which failures are retried and how long to wait before the next attempt. Follows the conventions of the official
/// OpenAI SDKs, so a Tether client behaves towards the service like they do.
/// </summary>
internal sealed class RetryPolicy
{
    /// <summary>A server's own delay is honoured up to this; longer ones fall back to exponential backoff.</summary>
    public static readonly TimeSpan MaxServerDelay = TimeSpan.FromSeconds(60);

    private readonly TimeSpan _initialDelay;
    private readonly TimeSpan _maxDelay;

    public RetryPolicy(TimeSpan initialDelay, TimeSpan maxDelay)
    {
        _initialDelay = initialDelay;
        _maxDelay = maxDelay;
    }

    /// <summary>
    /// Whether a non-success response is worth another attempt: the server's <c>x-should-retry</c> decides when
    /// present; otherwise 408 (timeout), 409 (lock conflict), 429 (rate limit) and every 5xx.
    /// </summary>
    public static bool IsRetryable(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("x-should-retry", out IEnumerable<string>? values))
        {
            string? verdict = values.FirstOrDefault()?.Trim();
            if (string.Equals(verdict, "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.Equals(verdict, "false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        int status = (int)response.StatusCode;
        return status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.Conflict or (int)HttpStatusCode.TooManyRequests or >= 500;
    }

    /// <summary>
    /// Whether a failure to get any response is worth another attempt. Connection failures are; failures that will
    /// not change on their own (TLS trust, proxy authentication, configured limits) are not.
    /// </summary>
    public static bool IsRetryable(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.SecureConnectionError => false,
        HttpRequestError.UserAuthenticationError => false,
        HttpRequestError.ConfigurationLimitExceeded => false,
        HttpRequestError.VersionNegotiationError => false,
        _ => true,
    };

    /// <summary>
    /// The delay before retry number <paramref name="retry"/> (0 for the first retry): the server's
    /// <c>Retry-After-Ms</c> / <c>Retry-After</c> when it is between 0 and 60 s, otherwise
    /// <c>min(initial × 2^retry, max)</c> reduced by up to 25 % random jitter, so that clients that failed together
    /// do not retry together.
    /// </summary>
    /// <param name="retry">0 for the first retry.</param>
    /// <param name="serverDelay">What the server asked for (<see cref="RetryAfter.Parse"/>), if anything.</param>
    /// <param name="random">A number in [0, 1) for the jitter.</param>
    public TimeSpan DelayBeforeRetry(int retry, TimeSpan? serverDelay, double random)
    {
        if (serverDelay is { } requested && requested <= MaxServerDelay)
        {
            return requested;
        }

        double exponential = _initialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30));
        double capped = Math.Min(exponential, _maxDelay.TotalMilliseconds);
        double jitter = 1 - (0.25 * random);
        return TimeSpan.FromMilliseconds(capped * jitter);
    }
}
