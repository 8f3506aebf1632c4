using Tether.Runtime.Tests.Pipeline.Support;
using Tether.Runtime.Tests.Transport;
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
        Skip.IfNot(SocketTable.IsAvailable, "reads the Linux socket table (/proc/net/tcp)");
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
        // Both connections now sit idle in their pools.
        Assert.Equal(SocketTable.KeepAliveTimer, SocketTable.TimerOf(clientPorts[0], server.Root.Port).Kind);
        Assert.Equal(SocketTable.NoTimer, SocketTable.TimerOf(clientPorts[1], server.Root.Port).Kind);
    }
}
