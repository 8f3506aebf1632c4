using System;
using System.Globalization;

namespace Tether;

/// <summary>
/// Durations as OpenAI's rate-limit headers write them, which is Go's <c>time.Duration</c> text: a sequence of
/// decimal numbers with units <c>h</c>, <c>m</c>, <c>s</c>, <c>ms</c>, <c>us</c>/<c>µs</c>, <c>ns</c>
/// (<c>6m0s</c>, <c>1.5s</c>, <c>20ms</c>, <c>2h3m4s</c>). Anything else reads as <see langword="null"/>.
/// </summary>
internal static class GoDuration
{
    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var span = text.AsSpan().Trim();
        double ticks = 0;
        while (span.Length > 0)
        {
            int numberLength = 0;
            while (numberLength < span.Length && (char.IsAsciiDigit(span[numberLength]) || span[numberLength] == '.'))
            {
                numberLength++;
            }

            if (numberLength == 0 || !double.TryParse(span[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            span = span[numberLength..];
            int unitLength = 0;
            while (unitLength < span.Length && !char.IsAsciiDigit(span[unitLength]) && span[unitLength] != '.')
            {
                unitLength++;
            }

            double? unit = span[..unitLength] switch
            {
                "h" => TimeSpan.TicksPerHour,
                "m" => TimeSpan.TicksPerMinute,
                "s" => TimeSpan.TicksPerSecond,
                "ms" => TimeSpan.TicksPerMillisecond,
                "us" or "µs" or "μs" => 10,
                "ns" => 0.01,
                _ => null,
            };
            if (unit is null)
            {
                return null;
            }

            ticks += number * unit.Value;
            span = span[unitLength..];
        }

        return ticks <= TimeSpan.MaxValue.Ticks ? TimeSpan.FromTicks((long)Math.Round(ticks)) : null;
    }
}
