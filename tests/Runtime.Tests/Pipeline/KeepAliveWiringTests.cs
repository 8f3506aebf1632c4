using System.Globalization;
using Tether.Runtime.Tests.Pipeline.Support;
using Xunit;

namespace Tether.Runtime.Tests.Pipeline;

/// <summary>
/// The pipeline Tether builds really sends on keepalive sockets: checked on the kernel's socket table, not on the
/// configuration object (a configuration check is what let a keepalive fix in another SDK ship disconnected).
/// </summary>
public sealed class KeepAliveWiringTests
{
    [SkippableFact]
    public async Task DefaultPipeline_Connections_HaveTheKernelKeepAliveTimer_CallersPlainHandlerDoesNot()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/proc/net/tcp"), "reads the Linux socket table (/proc/net/tcp)");
        var clientPorts = new List<int>();
        await using PipelineServer server = await PipelineServer.StartAsync(context =>
        {
            lock (clientPorts)
            {
                clientPorts.Add(context.Connection.RemotePort);
            }

            return Task.CompletedTask;
        });

        using var tether = new TetherPipeline(FastOptions.For(server));
        await tether.SendAsync(new TetherRequest(HttpMethod.Get, "/x"));
        using var plainHandler = new SocketsHttpHandler();
        using var plain = new TetherPipeline(FastOptions.For(server), plainHandler);
        await plain.SendAsync(new TetherRequest(HttpMethod.Get, "/x"));

        Assert.Equal(2, clientPorts.Count);
        // Both connections now sit idle in their pools; timer code 2 is the keepalive timer.
        Assert.Equal(2, TimerOf(clientPorts[0], server.Root.Port));
        Assert.Equal(0, TimerOf(clientPorts[1], server.Root.Port));
    }

    /// <summary>The <c>tr</c> (timer) field of the client socket from <paramref name="localPort"/> to <paramref name="remotePort"/>.</summary>
    private static int TimerOf(int localPort, int remotePort)
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
                return int.Parse(fields[5].AsSpan(0, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No socket from port {localPort} to {remotePort} in /proc/net/tcp or tcp6.");
    }
}
