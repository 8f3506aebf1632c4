using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Reflection;

namespace Tether;

/// <summary>
/// Settings of a Tether client. Generated clients derive their own options class from this one (adding credentials
/// and a default <see cref="BaseAddress"/>). Every setter validates its value and throws
/// <see cref="ArgumentOutOfRangeException"/> (or <see cref="ArgumentException"/>) naming the property.
/// </summary>
/// <remarks>
/// The client reads these settings once, when it is built: changing the options afterwards does not affect it.
/// </remarks>
public class TetherClientOptions
{
    /// <summary>The per-attempt timeout used when none is set: 10 minutes, long enough for slow reasoning calls.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The number of retries used when none is set.</summary>
    public const int DefaultMaxRetries = 2;

    /// <summary>The first retry delay used when none is set.</summary>
    public static readonly TimeSpan DefaultInitialRetryDelay = TimeSpan.FromSeconds(0.5);

    /// <summary>The retry delay cap used when none is set.</summary>
    public static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromSeconds(8);

    /// <summary>The <c>User-Agent</c> sent when none is set: <c>Tether/{version}</c>.</summary>
    public static readonly string DefaultUserAgent = "Tether/" + RuntimeVersion();

    /// <summary>
    /// Longest timeout a <see cref="System.Threading.CancellationTokenSource"/> can schedule (about 24.8 days);
    /// anything longer must be <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.
    /// </summary>
    internal static readonly TimeSpan MaxFiniteTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    private static readonly TimeSpan MaxRetryDelayLimit = TimeSpan.FromHours(1);

    private Uri? _baseAddress;
    private TimeSpan _timeout = DefaultTimeout;
    private int _maxRetries = DefaultMaxRetries;
    private TimeSpan _initialRetryDelay = DefaultInitialRetryDelay;
    private TimeSpan _maxRetryDelay = DefaultMaxRetryDelay;
    private string? _userAgent = DefaultUserAgent;

    /// <summary>
    /// The service's base address, e.g. <c>https://api.openai.com/v1</c>; operation paths are appended to it, so its
    /// path is kept. Must be an absolute <c>http</c> or <c>https</c> URI without query or fragment. When
    /// <see langword="null"/>, the <see cref="HttpClient.BaseAddress"/> of a caller-supplied client is used.
    /// </summary>
    /// <exception cref="ArgumentException">The URI is relative, not HTTP(S), or has a query or fragment.</exception>
    public Uri? BaseAddress
    {
        get => _baseAddress;
        set => _baseAddress = value is null ? null : ValidateBaseAddress(value, nameof(BaseAddress));
    }

    /// <summary>
    /// How long one attempt may take: until the response headers arrive, plus reading the body when the client
    /// reads it whole (JSON, bytes). For event streams it is also the longest silence allowed between two events.
    /// Each retry gets a fresh timeout. 10 minutes by default;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables it. Override per call with
    /// <see cref="RequestOptions.Timeout"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive (or infinite), or longer than about 24.8 days.</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        set => _timeout = ValidateTimeout(value, nameof(Timeout));
    }

    /// <summary>
    /// How many times a failed attempt is retried: on 408, 409, 429, 5xx, connection failures and timeouts, or when
    /// the server sends <c>x-should-retry: true</c>. 2 by default (so up to 3 attempts); 0 disables retries.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, or more than 100.</exception>
    public int MaxRetries
    {
        get => _maxRetries;
        set => _maxRetries = ValidateMaxRetries(value, nameof(MaxRetries));
    }

    /// <summary>
    /// The delay before the first retry; each further retry doubles it, up to <see cref="MaxRetryDelay"/>, minus up
    /// to 25 % random jitter. A server's <c>Retry-After</c> / <c>Retry-After-Ms</c> of up to 60 s takes precedence.
    /// 0.5 s by default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, or more than one hour.</exception>
    public TimeSpan InitialRetryDelay
    {
        get => _initialRetryDelay;
        set => _initialRetryDelay = ValidateRetryDelay(value, nameof(InitialRetryDelay));
    }

    /// <summary>The cap on the computed retry delay (not on a server's <c>Retry-After</c>). 8 s by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, or more than one hour.</exception>
    public TimeSpan MaxRetryDelay
    {
        get => _maxRetryDelay;
        set => _maxRetryDelay = ValidateRetryDelay(value, nameof(MaxRetryDelay));
    }

    /// <summary>
    /// TCP keepalive settings of the handler Tether builds when the caller supplies neither an
    /// <see cref="HttpClient"/> nor an <see cref="HttpMessageHandler"/>. Keepalive is on either way:
    /// <see langword="null"/> means <see cref="TcpKeepAliveOptions.Default"/>. Ignored for a caller's client or handler.
    /// </summary>
    public TcpKeepAliveOptions? KeepAlive { get; set; }

    /// <summary>
    /// Headers added to every request (case-insensitive names). Headers of an operation and of
    /// <see cref="RequestOptions.Headers"/> take precedence over these.
    /// </summary>
    public IDictionary<string, string> DefaultHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The <c>User-Agent</c> header of every request; <see cref="DefaultUserAgent"/> by default, <see langword="null"/>
    /// to send none (a caller's <see cref="HttpClient.DefaultRequestHeaders"/> then apply).
    /// </summary>
    /// <exception cref="ArgumentException">The value contains a line break.</exception>
    public string? UserAgent
    {
        get => _userAgent;
        set => _userAgent = value is null ? null : HeaderValidation.ValidateValue(value, nameof(UserAgent));
    }

    /// <summary>
    /// Receives retries, timeouts and final failures of the client's calls, or <see langword="null"/> (the default)
    /// for no logging. <c>Tether.Extensions.Http</c> adapts <c>Microsoft.Extensions.Logging</c>:
    /// <c>options.UseLogging(loggerFactory)</c>, done automatically by <c>AddTetherClient</c>. Traces and metrics
    /// need no setting: see <see cref="TetherTelemetry"/>.
    /// </summary>
    public ITetherLogger? Logger { get; set; }

    /// <summary>
    /// <see langword="true"/> to fail a JSON response with <see cref="TetherSerializationException"/> when a member's
    /// value is of another JSON kind than the spec declares (a string for a number, an array with an item of the wrong
    /// kind, …). <see langword="false"/> (the default) reads it tolerantly: the property is left unset and the raw value
    /// kept in the object's <c>AdditionalProperties</c>, written back unchanged, and listed by
    /// <see cref="TetherMismatchExtensions.GetMismatches"/>. A JSON null the spec does not allow and an absent
    /// required member are tolerated either way, as they always were.
    /// </summary>
    public bool StrictResponseReading { get; set; }

    internal static TimeSpan ValidateTimeout(TimeSpan value, string name)
    {
        if (value == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return value;
        }

        if (value <= TimeSpan.Zero || value > MaxFiniteTimeout)
        {
            throw new ArgumentOutOfRangeException(
                name, value, Message($"{name} must be positive and at most {MaxFiniteTimeout}, or Timeout.InfiniteTimeSpan; got {value}."));
        }

        return value;
    }

    internal static int ValidateMaxRetries(int value, string name)
    {
        const int Limit = 100;
        if (value < 0 || value > Limit)
        {
            throw new ArgumentOutOfRangeException(name, value, Message($"{name} must be between 0 (no retries) and {Limit}; got {value}."));
        }

        return value;
    }

    private static TimeSpan ValidateRetryDelay(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero || value > MaxRetryDelayLimit)
        {
            throw new ArgumentOutOfRangeException(name, value, Message($"{name} must be between 0 and {MaxRetryDelayLimit}; got {value}."));
        }

        return value;
    }

    private static Uri ValidateBaseAddress(Uri value, string name)
    {
        if (!value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttp && value.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException(Message($"{name} must be an absolute http or https URI; got '{value}'."), name);
        }

        if (value.Query.Length > 0 || value.Fragment.Length > 0)
        {
            throw new ArgumentException(Message($"{name} must not have a query or fragment (operation paths are appended to it); got '{value}'."), name);
        }

        return value;
    }

    private static string Message(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The version of Tether.Runtime, e.g. <c>0.1.0</c>; also the version of its ActivitySource and Meter.</summary>
    internal static string RuntimeVersion()
    {
        string? version = typeof(TetherClientOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        // Drop the "+commit" suffix SourceLink adds: it says nothing to a server operator.
        int plus = version?.IndexOf('+', StringComparison.Ordinal) ?? -1;
        return version is null ? "0.0.0" : plus >= 0 ? version[..plus] : version;
    }
}
