using System;
using System.Globalization;

namespace Tether;

/// <summary>
/// TCP keepalive settings for the sockets of <see cref="TcpKeepAlive.CreateHandler(TcpKeepAliveOptions?)"/> and
/// <see cref="TcpKeepAlive.Apply(System.Net.Sockets.Socket, TcpKeepAliveOptions?)"/>: after <see cref="Time"/> without
/// traffic the kernel sends a probe, repeats it every <see cref="Interval"/>, and gives up on the connection after
/// <see cref="RetryCount"/> unanswered probes.
/// </summary>
/// <remarks>
/// The probes keep NAT and load-balancer mappings alive while a long call produces no bytes (cloud NATs forget an idle
/// connection after about 2–6 minutes), and they let a client notice a peer that vanished instead of waiting forever.
/// The defaults (60 s / 60 s / 5) stay well under the shortest common NAT idle timeout.
/// <para>
/// Every value is validated when it is set: the kernel takes whole seconds, so zero, negative and fractional values
/// are rejected, as are values above the smallest maximum of the supported platforms (Linux: 32767 s for the idle
/// time and interval, 127 probes), so that options valid on one operating system are valid on all of them.
/// </para>
/// </remarks>
public sealed class TcpKeepAliveOptions
{
    /// <summary>Largest idle time or interval, in seconds, that every supported platform accepts (Linux's limit).</summary>
    internal const int MaxSeconds = 32767;

    /// <summary>Largest probe count that every supported platform accepts (Linux's limit).</summary>
    internal const int MaxRetryCount = 127;

    private readonly TimeSpan _time = TimeSpan.FromSeconds(60);
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(60);
    private readonly int _retryCount = 5;

    /// <summary>The options Tether uses when none are given: 60 s idle time, 60 s interval, 5 probes.</summary>
    public static TcpKeepAliveOptions Default { get; } = new();

    /// <summary>
    /// How long a connection may be silent before the first probe is sent (TCP_KEEPIDLE on Linux, TCP_KEEPALIVE on
    /// macOS). Whole seconds from 1 to 32767; 60 s by default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a whole number of seconds in range.</exception>
    public TimeSpan Time
    {
        get => _time;
        init => _time = ValidateSeconds(value, nameof(Time));
    }

    /// <summary>
    /// Time between unanswered probes (TCP_KEEPINTVL). Whole seconds from 1 to 32767; 60 s by default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a whole number of seconds in range.</exception>
    public TimeSpan Interval
    {
        get => _interval;
        init => _interval = ValidateSeconds(value, nameof(Interval));
    }

    /// <summary>
    /// How many unanswered probes end the connection (TCP_KEEPCNT). From 1 to 127; 5 by default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in range.</exception>
    public int RetryCount
    {
        get => _retryCount;
        init
        {
            if (value < 1 || value > MaxRetryCount)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(RetryCount),
                    value,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{nameof(TcpKeepAliveOptions)}.{nameof(RetryCount)} must be between 1 and {MaxRetryCount} (the Linux maximum for TCP_KEEPCNT); got {value}."));
            }

            _retryCount = value;
        }
    }

    /// <summary>
    /// The longest a silent connection to a vanished peer survives: <see cref="Time"/> plus
    /// <see cref="Interval"/> × <see cref="RetryCount"/>.
    /// </summary>
    public TimeSpan DeadPeerDetectionTime => _time + TimeSpan.FromTicks(_interval.Ticks * _retryCount);

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Time={_time.TotalSeconds:0}s Interval={_interval.TotalSeconds:0}s RetryCount={_retryCount}");

    private static TimeSpan ValidateSeconds(TimeSpan value, string member)
    {
        // The socket options take whole seconds; silently rounding would make the kernel's setting differ from the
        // object a user inspects.
        if (value < TimeSpan.FromSeconds(1) || value > TimeSpan.FromSeconds(MaxSeconds) || value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(
                member,
                value,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{nameof(TcpKeepAliveOptions)}.{member} must be a whole number of seconds between 1 and {MaxSeconds} (the Linux maximum for TCP_KEEPIDLE and TCP_KEEPINTVL); got {value.TotalSeconds} s."));
        }

        return value;
    }
}
