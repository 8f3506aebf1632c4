using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace Tether;

/// <summary>Reads the delay a server asks for before the next attempt.</summary>
internal static class RetryAfter
{
    /// <summary>
    /// <c>Retry-After-Ms</c> (milliseconds, possibly fractional; OpenAI sends it) wins over <c>Retry-After</c>
    /// (whole seconds or an HTTP date). Negative or unreadable values give <see langword="null"/>; a date in the past
    /// gives zero.
    /// </summary>
    public static TimeSpan? Parse(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var msValues)
            && double.TryParse(msValues.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out double ms)
            && ms >= 0 && !double.IsInfinity(ms))
        {
            return TimeSpan.FromMilliseconds(Math.Min(ms, TimeSpan.MaxValue.TotalMilliseconds / 2));
        }

        if (!response.Headers.TryGetValues("retry-after", out var values) || values.FirstOrDefault() is not { } text)
        {
            return null;
        }

        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
        {
            return seconds >= 0 && !double.IsInfinity(seconds)
                ? TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2))
                : null;
        }

        if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            TimeSpan untilThen = date - now;
            return untilThen > TimeSpan.Zero ? untilThen : TimeSpan.Zero;
        }

        return null;
    }
}
