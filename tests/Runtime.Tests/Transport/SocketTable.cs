using System.Globalization;

namespace Tether.Runtime.Tests.Transport;

/// <summary>
/// Reads the kernel's view of a client socket from the Linux socket table (/proc/net/tcp and tcp6): the one way to see
/// whether a socket that some other library opened, and never shows us, has keepalive on. Shared as source with
/// Extensions.Tests.
/// </summary>
internal static class SocketTable
{
    /// <summary>Timer code 2 in the table's <c>tr</c> field: the keepalive timer is armed.</summary>
    public const int KeepAliveTimer = 2;

    /// <summary>Timer code 0: no timer at all, which is what an idle pooled connection without keepalive has.</summary>
    public const int NoTimer = 0;

    public static bool IsAvailable => OperatingSystem.IsLinux() && File.Exists("/proc/net/tcp");

    /// <summary>
    /// The timer of the socket from <paramref name="localPort"/> to <paramref name="remotePort"/>: its kind and the
    /// time until it fires (the table counts in USER_HZ ticks, 100 per second on Linux).
    /// </summary>
    public static (int Kind, TimeSpan Remaining) TimerOf(int localPort, int remotePort)
    {
        string local = ":" + localPort.ToString("X4", CultureInfo.InvariantCulture);
        string remote = ":" + remotePort.ToString("X4", CultureInfo.InvariantCulture);
        // Dual-mode sockets (what the keepalive handler opens) are listed in tcp6, with IPv4-mapped addresses.
        IEnumerable<string> table = File.ReadLines("/proc/net/tcp").Skip(1)
            .Concat(File.Exists("/proc/net/tcp6") ? File.ReadLines("/proc/net/tcp6").Skip(1) : Array.Empty<string>());
        foreach (string line in table)
        {
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when ...
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields[1].EndsWith(local, StringComparison.Ordinal) && fields[2].EndsWith(remote, StringComparison.Ordinal))
            {
                int kind = int.Parse(fields[5].AsSpan(0, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                long ticks = long.Parse(fields[5].AsSpan(3), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                return (kind, TimeSpan.FromSeconds(ticks / 100.0));
            }
        }

        throw new InvalidOperationException($"No socket from port {localPort} to {remotePort} in /proc/net/tcp or tcp6.");
    }
}
