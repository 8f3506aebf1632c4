using System;
using Microsoft.Extensions.Configuration;

namespace Tether;

/// <summary>
/// Fills <see cref="TetherClientOptions"/> from a configuration section (appsettings.json, environment variables, …)
/// by reading each key by name: no reflection-based binding, so it is safe with trimming and native AOT.
/// </summary>
/// <remarks>
/// <para>Keys, relative to the section (all optional; a missing or empty key keeps the option's default):</para>
/// <list type="table">
/// <listheader><term>key</term><description>option and format</description></listheader>
/// <item><term><c>BaseAddress</c></term><description><see cref="TetherClientOptions.BaseAddress"/>, an absolute URI.</description></item>
/// <item><term><c>Timeout</c></term><description><see cref="TetherClientOptions.Timeout"/>: seconds (<c>600</c>), a time span (<c>00:10:00</c>) or <c>Infinite</c>.</description></item>
/// <item><term><c>MaxRetries</c></term><description><see cref="TetherClientOptions.MaxRetries"/>, a whole number.</description></item>
/// <item><term><c>InitialRetryDelay</c>, <c>MaxRetryDelay</c></term><description>Seconds or a time span.</description></item>
/// <item><term><c>UserAgent</c></term><description><see cref="TetherClientOptions.UserAgent"/>.</description></item>
/// <item><term><c>DefaultHeaders:{name}</c></term><description>Added to <see cref="TetherClientOptions.DefaultHeaders"/>.</description></item>
/// <item><term><c>KeepAlive:Time</c>, <c>KeepAlive:Interval</c></term><description><see cref="TcpKeepAliveOptions"/> timings: whole seconds or a time span.</description></item>
/// <item><term><c>KeepAlive:RetryCount</c></term><description><see cref="TcpKeepAliveOptions.RetryCount"/>.</description></item>
/// </list>
/// <para>
/// A bare number is always seconds, never the days <see cref="TimeSpan.Parse(string)"/> would make of it. A value
/// that does not parse or is out of range throws <see cref="InvalidOperationException"/> naming the full key, such
/// as <c>OpenAI:Timeout</c>. API keys belong to the generated options class (for example
/// <c>OpenAIClientOptions.ApiKey</c>); read them in the <c>configureOptions</c> callback of
/// <see cref="TetherServiceCollectionExtensions.AddTetherClient{TClient, TOptions}"/>.
/// </para>
/// </remarks>
public static class TetherClientConfiguration
{
    /// <summary>Copies every setting present in <paramref name="configuration"/> onto <paramref name="options"/>.</summary>
    /// <param name="options">The options to fill, e.g. a new <c>OpenAIClientOptions</c>.</param>
    /// <param name="configuration">The client's section, e.g. <c>configuration.GetSection("OpenAI")</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A value does not parse or is out of range; the message names its key.</exception>
    public static void Bind(TetherClientOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);

        if (ConfigurationValueReader.ReadUri(configuration, "BaseAddress") is { } baseAddress)
        {
            Apply(configuration, "BaseAddress", () => options.BaseAddress = baseAddress);
        }

        if (ConfigurationValueReader.ReadDuration(configuration, "Timeout", allowInfinite: true) is { } timeout)
        {
            Apply(configuration, "Timeout", () => options.Timeout = timeout);
        }

        if (ConfigurationValueReader.ReadInt32(configuration, "MaxRetries") is { } maxRetries)
        {
            Apply(configuration, "MaxRetries", () => options.MaxRetries = maxRetries);
        }

        if (ConfigurationValueReader.ReadDuration(configuration, "InitialRetryDelay") is { } initialRetryDelay)
        {
            Apply(configuration, "InitialRetryDelay", () => options.InitialRetryDelay = initialRetryDelay);
        }

        if (ConfigurationValueReader.ReadDuration(configuration, "MaxRetryDelay") is { } maxRetryDelay)
        {
            Apply(configuration, "MaxRetryDelay", () => options.MaxRetryDelay = maxRetryDelay);
        }

        if (ConfigurationValueReader.ReadString(configuration, "UserAgent") is { } userAgent)
        {
            Apply(configuration, "UserAgent", () => options.UserAgent = userAgent);
        }

        foreach (IConfigurationSection header in configuration.GetSection("DefaultHeaders").GetChildren())
        {
            if (header.Value is { } value)
            {
                Apply(configuration, ConfigurationPath.Combine("DefaultHeaders", header.Key), () => options.DefaultHeaders[header.Key] = value);
            }
        }

        if (ReadKeepAlive(configuration) is { } keepAlive)
        {
            options.KeepAlive = keepAlive;
        }
    }

    /// <summary>
    /// Reads the <c>KeepAlive</c> subsection: <see langword="null"/> when it sets nothing (Tether's defaults apply),
    /// otherwise options with the values it sets and the defaults for the rest.
    /// </summary>
    /// <param name="configuration">The client's section (the one holding <c>KeepAlive</c>).</param>
    /// <returns>The keepalive settings, or <see langword="null"/> for the defaults.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A value does not parse or is out of range; the message names its key.</exception>
    public static TcpKeepAliveOptions? ReadKeepAlive(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        const string Time = "KeepAlive:Time";
        const string Interval = "KeepAlive:Interval";
        const string RetryCount = "KeepAlive:RetryCount";

        TimeSpan? time = ConfigurationValueReader.ReadDuration(configuration, Time);
        TimeSpan? interval = ConfigurationValueReader.ReadDuration(configuration, Interval);
        int? retryCount = ConfigurationValueReader.ReadInt32(configuration, RetryCount);
        if (time is null && interval is null && retryCount is null)
        {
            return null;
        }

        TcpKeepAliveOptions defaults = TcpKeepAliveOptions.Default;
        try
        {
            return new TcpKeepAliveOptions
            {
                Time = time ?? defaults.Time,
                Interval = interval ?? defaults.Interval,
                RetryCount = retryCount ?? defaults.RetryCount,
            };
        }
        catch (ArgumentOutOfRangeException exception)
        {
            // The options name the property (Time, Interval, RetryCount); the user needs the configuration key.
            string key = "KeepAlive:" + exception.ParamName;
            throw new InvalidOperationException(
                $"Configuration value '{ConfigurationValueReader.PathOf(configuration, key)}' is out of range: {exception.Message}", exception);
        }
    }

    private static void Apply(IConfiguration configuration, string key, Action set)
    {
        try
        {
            set();
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException(
                $"Configuration value '{ConfigurationValueReader.PathOf(configuration, key)}' is not valid: {exception.Message}", exception);
        }
    }
}
