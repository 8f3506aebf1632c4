using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Tether;

/// <summary>
/// Reads typed values from configuration by key, without the reflection-based binder (so trimming and native AOT
/// stay clean). A missing or empty value is <see langword="null"/>: the setting keeps its default. A value that
/// does not parse fails with the full configuration path in the message, so a typo is found at once.
/// </summary>
internal static class ConfigurationValueReader
{
    /// <summary>The value of <paramref name="key"/>, or <see langword="null"/> when it is missing or empty.</summary>
    public static string? ReadString(IConfiguration configuration, string key)
    {
        string? value = configuration[key];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>An absolute URI, e.g. <c>https://api.openai.com/v1</c>.</summary>
    public static Uri? ReadUri(IConfiguration configuration, string key)
    {
        string? text = ReadString(configuration, key);
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out Uri? uri)
            ? uri
            : throw Invalid(configuration, key, text, "an absolute URI such as https://api.openai.com/v1");
    }

    /// <summary>A whole number, invariant culture.</summary>
    public static int? ReadInt32(IConfiguration configuration, string key)
    {
        string? text = ReadString(configuration, key);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw Invalid(configuration, key, text, "a whole number");
    }

    /// <summary>
    /// A duration: a number of seconds (<c>90</c>, <c>0.5</c>) or a <see cref="TimeSpan"/> in invariant format
    /// (<c>00:10:00</c>), and, when <paramref name="allowInfinite"/>, the word <c>Infinite</c>.
    /// </summary>
    /// <remarks>
    /// Plain seconds are accepted because a bare <c>"600"</c> would otherwise be read by <see cref="TimeSpan"/> as
    /// 600 days, a silent and dangerous misreading for a timeout.
    /// </remarks>
    public static TimeSpan? ReadDuration(IConfiguration configuration, string key, bool allowInfinite = false)
    {
        string? text = ReadString(configuration, key);
        if (text is null)
        {
            return null;
        }

        if (allowInfinite && string.Equals(text, "Infinite", StringComparison.OrdinalIgnoreCase))
        {
            return System.Threading.Timeout.InfiniteTimeSpan;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
        {
            if (double.IsFinite(seconds) && Math.Abs(seconds) <= TimeSpan.MaxValue.TotalSeconds)
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }
        else if (text.Contains(':', StringComparison.Ordinal)
            && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan duration))
        {
            return duration;
        }

        throw Invalid(
            configuration,
            key,
            text,
            allowInfinite
                ? "a number of seconds (e.g. 600), a time span (e.g. 00:10:00) or Infinite"
                : "a number of seconds (e.g. 60) or a time span (e.g. 00:01:00)");
    }

    /// <summary>The full path of <paramref name="key"/> below <paramref name="configuration"/>, e.g. <c>OpenAI:Timeout</c>.</summary>
    public static string PathOf(IConfiguration configuration, string key) =>
        configuration is IConfigurationSection section && section.Path.Length > 0 ? ConfigurationPath.Combine(section.Path, key) : key;

    private static InvalidOperationException Invalid(IConfiguration configuration, string key, string value, string expected) =>
        new($"Configuration value '{PathOf(configuration, key)}' is '{value}', which is not {expected}.");
}
