using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Xunit;
using Xunit.Abstractions;

namespace Tether.Runtime.Tests.Transport;

/// <summary>
/// Proof 1: the keepalive settings are on the socket that carried the request — read back from the kernel, not
/// from an options object. The server reports the client port it saw; the socket with that local port is the one.
/// </summary>
public sealed class SocketKeepAliveTests(ITestOutputHelper output)
{
    private static readonly TcpKeepAliveOptions Custom = new()
    {
        Time = TimeSpan.FromSeconds(7),
        Interval = TimeSpan.FromSeconds(3),
        RetryCount = 4,
    };

    [Fact]
    public async Task DefaultHandler_SocketThatCarriedTheRequest_HasTheDefaultSettings()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(IPAddress.Loopback);
        var sockets = new ConcurrentBag<Socket>();
        using var client = new HttpClient(TcpKeepAlive.CreateHandler(null, sockets.Add));

        Socket carrier = await SendAndFindCarrierAsync(client, server.Url("/"), sockets);

        RawKeepAlive seen = RawKeepAlive.Read(carrier);
        output.WriteLine($"{carrier.LocalEndPoint} -> {carrier.RemoteEndPoint}: {seen}");
        Assert.NotEqual(0, seen.Enabled);
        Assert.Equal((60, 60, 5), (seen.IdleSeconds, seen.IntervalSeconds, seen.Count));
    }

    [SkippableTheory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("localhost")]
    public async Task CustomOptions_SocketThatCarriedTheRequest_HasThem(string host)
    {
        IPAddress listenOn = host == "localhost"
            ? (await Dns.GetHostAddressesAsync("localhost"))[0]
            : IPAddress.Parse(host);
        Skip.If(listenOn.AddressFamily == AddressFamily.InterNetworkV6 && !HasIPv6Loopback(), "no IPv6 loopback address on this machine");
        await using LoopbackServer server = await LoopbackServer.StartAsync(listenOn);
        var sockets = new ConcurrentBag<Socket>();
        using var client = new HttpClient(TcpKeepAlive.CreateHandler(Custom, sockets.Add));
        string authority = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;

        Socket carrier = await SendAndFindCarrierAsync(client, new Uri($"http://{authority}:{server.Port}/"), sockets);

        RawKeepAlive seen = RawKeepAlive.Read(carrier);
        output.WriteLine($"{host}: {carrier.LocalEndPoint} -> {carrier.RemoteEndPoint}: {seen}");
        Assert.True(seen.IsOnWith(Custom), seen.ToString());
    }

    [Fact]
    public async Task CreateHttpClient_SocketThatCarriedTheRequest_HasTheOptions()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(IPAddress.Loopback);
        var sockets = new ConcurrentBag<Socket>();
        using HttpClient client = TcpKeepAlive.CreateHttpClient(Custom, sockets.Add);

        Socket carrier = await SendAndFindCarrierAsync(client, server.Url("/"), sockets);

        Assert.True(RawKeepAlive.Read(carrier).IsOnWith(Custom), RawKeepAlive.Read(carrier).ToString());
    }

    [Fact]
    public async Task Http2Connection_HasKeepAlive()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(IPAddress.Loopback, HttpProtocols.Http2);
        var sockets = new ConcurrentBag<Socket>();
        using var client = new HttpClient(TcpKeepAlive.CreateHandler(Custom, sockets.Add))
        {
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using HttpResponseMessage response = await client.GetAsync(server.Url("/"));
        int remotePort = int.Parse(await response.Content.ReadAsStringAsync(), CultureInfo.InvariantCulture);

        Assert.Equal(HttpVersion.Version20, response.Version);
        Socket carrier = Assert.Single(sockets, socket => ((IPEndPoint)socket.LocalEndPoint!).Port == remotePort);
        Assert.True(RawKeepAlive.Read(carrier).IsOnWith(Custom), RawKeepAlive.Read(carrier).ToString());
    }

    [Fact]
    public async Task Read_ReportsWhatTheKernelHolds_WithAndWithoutApply()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var untouched = new Socket(SocketType.Stream, ProtocolType.Tcp);
        using var applied = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await untouched.ConnectAsync(listener.LocalEndpoint);
        await applied.ConnectAsync(new DnsEndPoint("localhost", ((IPEndPoint)listener.LocalEndpoint).Port));

        TcpKeepAlive.Apply(applied, Custom);

        TcpKeepAliveState before = TcpKeepAlive.Read(untouched);
        TcpKeepAliveState after = TcpKeepAlive.Read(applied);
        output.WriteLine($"untouched: {before}; applied: {after}");
        AssertSameAsKernel(RawKeepAlive.Read(untouched), before);
        AssertSameAsKernel(RawKeepAlive.Read(applied), after);
        Assert.False(before.Matches(Custom));
        Assert.True(after.Matches(Custom));
    }

    [SkippableFact]
    public void Apply_SkipsOptionsTheSocketLacks_AndSetsTheRest()
    {
        // A UDP socket takes SO_KEEPALIVE but has none of the TCP options: the same situation as a platform that
        // lacks one of them.
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        bool tcpOptionRejected;
        try
        {
            udp.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 5);
            tcpOptionRejected = false;
        }
        catch (SocketException)
        {
            tcpOptionRejected = true;
        }

        Skip.IfNot(tcpOptionRejected, "this platform accepts TCP options on UDP sockets, so there is nothing to skip");

        TcpKeepAlive.Apply(udp, Custom);

        TcpKeepAliveState state = TcpKeepAlive.Read(udp);
        output.WriteLine($"UDP socket after Apply: {state}");
        Assert.True(state.Enabled);
        Assert.Null(state.Time);
    }

    private static async Task<Socket> SendAndFindCarrierAsync(HttpClient client, Uri url, ConcurrentBag<Socket> sockets)
    {
        string body = await client.GetStringAsync(url);
        int remotePort = int.Parse(body, CultureInfo.InvariantCulture);
        return Assert.Single(sockets, socket => ((IPEndPoint)socket.LocalEndPoint!).Port == remotePort);
    }

    private static void AssertSameAsKernel(RawKeepAlive kernel, TcpKeepAliveState read)
    {
        Assert.Equal(kernel.Enabled != 0, read.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(kernel.IdleSeconds), read.Time);
        Assert.Equal(TimeSpan.FromSeconds(kernel.IntervalSeconds), read.Interval);
        Assert.Equal(kernel.Count, read.RetryCount);
    }

    private static bool HasIPv6Loopback() =>
        Socket.OSSupportsIPv6 && NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Any(address => address.Address.Equals(IPAddress.IPv6Loopback));
}
