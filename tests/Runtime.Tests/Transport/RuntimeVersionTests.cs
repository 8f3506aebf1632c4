using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Xunit;

namespace Tether.Runtime.Tests.Transport;

/// <summary>
/// These tests run on .NET 10 and on .NET 8 (see the project file). On .NET 8, Linux and macOS throw
/// <see cref="PlatformNotSupportedException"/> when keepalive options are set before <c>ConnectAsync(DnsEndPoint)</c>
/// (dotnet/runtime#110124): the control below shows that hazard on the runtime in use, and the handler must not hit it.
/// </summary>
public sealed class RuntimeVersionTests
{
    [Fact]
    public void RunsOnTheRuntimeOfItsTargetFramework()
    {
#if NET10_0_OR_GREATER
        Assert.Equal(10, Environment.Version.Major);
#else
        Assert.Equal(8, Environment.Version.Major);
#endif
    }

    [SkippableFact]
    public async Task KeepaliveOptionsBeforeConnectingByName_ThrowOnDotNet8OnlyAndTheHandlerStillConnects()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "the .NET 8 hazard is specific to Linux and macOS");
        await using LoopbackServer server = await LoopbackServer.StartAsync(IPAddress.Loopback);

        // The naive way: options first, then connect by host name.
        using var naive = new Socket(SocketType.Stream, ProtocolType.Tcp);
        naive.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        Exception? thrown = null;
        try
        {
            naive.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
            await naive.ConnectAsync(new DnsEndPoint("localhost", server.Port));
        }
        catch (Exception exception)
        {
            thrown = exception;
        }

        if (Environment.Version.Major < 10)
        {
            Assert.IsType<PlatformNotSupportedException>(thrown);
        }
        else
        {
            Assert.Null(thrown);
        }

        // Tether's handler connects by host name on the same runtime and sets keepalive on the connected socket.
        Socket? carrier = null;
        using var client = new HttpClient(TcpKeepAlive.CreateHandler(null, socket => carrier = socket));
        using var response = await client.GetAsync(new Uri($"http://localhost:{server.Port}/"));
        Assert.True(response.IsSuccessStatusCode);
        Assert.NotNull(carrier);
        RawKeepAlive seen = RawKeepAlive.Read(carrier);
        Assert.Equal((60, 60, 5), (seen.IdleSeconds, seen.IntervalSeconds, seen.Count));
    }
}
