using System.Globalization;
using System.Net.Sockets;

namespace Tether.Runtime.Tests.Transport;

/// <summary>
/// Keepalive settings read straight from the kernel with GetSocketOption, independent of the library's own
/// <see cref="TcpKeepAlive.Read"/>, so that a test's evidence does not come from the code under test.
/// </summary>
internal readonly record struct RawKeepAlive(int Enabled, int IdleSeconds, int IntervalSeconds, int Count)
{
    public static RawKeepAlive Read(Socket socket) => new(
        (int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive)!,
        (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime)!,
        (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval)!,
        (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount)!);

    public bool IsOnWith(TcpKeepAliveOptions options) =>
        Enabled != 0
        && IdleSeconds == (int)options.Time.TotalSeconds
        && IntervalSeconds == (int)options.Interval.TotalSeconds
        && Count == options.RetryCount;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"keepalive={Enabled} idle={IdleSeconds} interval={IntervalSeconds} count={Count}");
}
