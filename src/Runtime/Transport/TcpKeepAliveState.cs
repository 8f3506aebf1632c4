using System;

namespace Tether;

/// <summary>
/// The keepalive settings read back from a live socket with <see cref="TcpKeepAlive.Read(System.Net.Sockets.Socket)"/>:
/// what the kernel will actually do, as opposed to what an options object asked for.
/// </summary>
/// <param name="Enabled">Whether SO_KEEPALIVE is on; <see langword="null"/> if the platform cannot report it.</param>
/// <param name="Time">Idle time before the first probe; <see langword="null"/> if the platform cannot report it.</param>
/// <param name="Interval">Time between unanswered probes; <see langword="null"/> if the platform cannot report it.</param>
/// <param name="RetryCount">Unanswered probes before the connection is dropped; <see langword="null"/> if the platform cannot report it.</param>
public sealed record TcpKeepAliveState(bool? Enabled, TimeSpan? Time, TimeSpan? Interval, int? RetryCount)
{
    /// <summary>
    /// Whether this state is exactly what <paramref name="options"/> asks for: keepalive on and every value equal.
    /// A value the platform could not report counts as a mismatch.
    /// </summary>
    /// <param name="options">The expected settings.</param>
    public bool Matches(TcpKeepAliveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Enabled == true && Time == options.Time && Interval == options.Interval && RetryCount == options.RetryCount;
    }
}
