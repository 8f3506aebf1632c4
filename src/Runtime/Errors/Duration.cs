using System;
using System.Globalization;

namespace Tether;

/// <summary>Formats time limits for messages in one unambiguous style: seconds, invariant culture.</summary>
internal static class Duration
{
    public static string Format(TimeSpan value) =>
        value == System.Threading.Timeout.InfiniteTimeSpan
            ? "infinite"
            : value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
