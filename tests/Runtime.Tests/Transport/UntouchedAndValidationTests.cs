using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Tether.Runtime.Tests.Transport;

/// <summary>
/// Proof 6: Tether never changes a handler it did not create, its own handler keeps the platform defaults a user
/// relies on, and bad options fail with an error that names the member.
/// </summary>
public sealed class UntouchedAndValidationTests
{
    [Fact]
    public async Task CallerSuppliedHandler_KeepsItsSettings_AndItsSocketsStayWithoutKeepAlive()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(IPAddress.Loopback);
        Socket? callerSocket = null;
        Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<System.IO.Stream>> callerConnect = async (context, token) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(context.DnsEndPoint, token);
            callerSocket = socket;
            return new NetworkStream(socket, ownsSocket: true);
        };
        using var callerHandler = new SocketsHttpHandler
        {
            ConnectCallback = callerConnect,
            PooledConnectionLifetime = TimeSpan.FromSeconds(42),
            MaxConnectionsPerServer = 3,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        };

        // Everything Tether offers for transports, used around the caller's handler.
        using SocketsHttpHandler tetherHandler = TcpKeepAlive.CreateHandler();
        using var callerClient = new HttpClient(callerHandler, disposeHandler: false);
        using var tetherClient = new HttpClient(tetherHandler, disposeHandler: false);
        await tetherClient.GetStringAsync(server.Url("/"));
        int callerPort = int.Parse(await callerClient.GetStringAsync(server.Url("/")), CultureInfo.InvariantCulture);

        Assert.Same(callerConnect, callerHandler.ConnectCallback);
        Assert.Equal(TimeSpan.FromSeconds(42), callerHandler.PooledConnectionLifetime);
        Assert.Equal(3, callerHandler.MaxConnectionsPerServer);
        Assert.Equal(DecompressionMethods.None, callerHandler.AutomaticDecompression);
        Assert.False(callerHandler.UseProxy);
        Assert.NotNull(callerSocket);
        Assert.Equal(callerPort, ((IPEndPoint)callerSocket!.LocalEndPoint!).Port);
        Assert.Equal(0, RawKeepAlive.Read(callerSocket).Enabled);
    }

    [Fact]
    public void CreateHandler_KeepsPlatformDefaults_AndAddsLongLivedClientSettings()
    {
        using var platform = new SocketsHttpHandler();
        using SocketsHttpHandler tether = TcpKeepAlive.CreateHandler();

        // Platform defaults a user relies on.
        Assert.True(tether.UseProxy);
        Assert.Null(tether.Proxy); // so HttpClient.DefaultProxy (HTTP_PROXY, HTTPS_PROXY, NO_PROXY) applies
        Assert.Equal(platform.MaxConnectionsPerServer, tether.MaxConnectionsPerServer);
        Assert.Equal(int.MaxValue, tether.MaxConnectionsPerServer);
        Assert.Equal(platform.PooledConnectionIdleTimeout, tether.PooledConnectionIdleTimeout);
        Assert.Equal(platform.AllowAutoRedirect, tether.AllowAutoRedirect);
        Assert.Equal(platform.UseCookies, tether.UseCookies);
        Assert.Equal(platform.EnableMultipleHttp2Connections, tether.EnableMultipleHttp2Connections);

        // Added for long-lived clients.
        Assert.NotNull(tether.ConnectCallback);
        Assert.Equal(DecompressionMethods.All, tether.AutomaticDecompression);
        Assert.InRange(tether.PooledConnectionLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15));
        Assert.Equal(HttpKeepAlivePingPolicy.WithActiveRequests, tether.KeepAlivePingPolicy);
        Assert.Equal(TcpKeepAliveOptions.Default.Time, tether.KeepAlivePingDelay);
        Assert.Equal(TimeSpan.FromSeconds(300), tether.KeepAlivePingTimeout);
    }

    [Fact]
    public void CreateHandler_ReturnsANewHandlerEachTime()
    {
        using SocketsHttpHandler first = TcpKeepAlive.CreateHandler();
        using SocketsHttpHandler second = TcpKeepAlive.CreateHandler();
        Assert.NotSame(first, second);
    }

    [Fact]
    public void CreateHttpClient_HasNoTimeoutOfItsOwn_AndNothingElseSet()
    {
        using HttpClient client = TcpKeepAlive.CreateHttpClient();
        using var platform = new HttpClient();

        // HttpClient's 100 s would end a long call whatever timeout the library on top of it was given.
        Assert.Equal(Timeout.InfiniteTimeSpan, client.Timeout);
        Assert.NotEqual(platform.Timeout, client.Timeout);
        Assert.Null(client.BaseAddress);
        Assert.Empty(client.DefaultRequestHeaders);
        Assert.Equal(platform.DefaultRequestVersion, client.DefaultRequestVersion);
        Assert.Equal(platform.DefaultVersionPolicy, client.DefaultVersionPolicy);
    }

    [Fact]
    public async Task CreateHttpClient_OwnsItsHandler_DisposingTheClientClosesItsConnections()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(IPAddress.Loopback);
        var sockets = new List<Socket>();
        using HttpClient client = TcpKeepAlive.CreateHttpClient(null, sockets.Add);
        using HttpClient other = TcpKeepAlive.CreateHttpClient(null, sockets.Add);
        await client.GetStringAsync(server.Url("/"));
        await other.GetStringAsync(server.Url("/"));
        Assert.Equal(2, sockets.Count); // a handler of its own each: no pool is shared

        client.Dispose();

        Assert.Throws<ObjectDisposedException>(() => sockets[0].Available);
        Assert.Equal(0, sockets[1].Available); // the other client's connection is still open
    }

    [Fact]
    public void DefaultOptions_Are60Seconds60SecondsAnd5Probes()
    {
        TcpKeepAliveOptions options = TcpKeepAliveOptions.Default;
        Assert.Equal((TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60), 5), (options.Time, options.Interval, options.RetryCount));
        Assert.Equal(TimeSpan.FromSeconds(360), options.DeadPeerDetectionTime);
        Assert.Equal("Time=60s Interval=60s RetryCount=5", options.ToString());
    }

    public static IEnumerable<object[]> BadTimes() =>
    [
        [TimeSpan.Zero, "got 0 s"],
        [TimeSpan.FromSeconds(-5), "got -5 s"],
        [TimeSpan.FromMilliseconds(500), "got 0.5 s"],
        [TimeSpan.FromMilliseconds(1500), "got 1.5 s"],
        [TimeSpan.FromSeconds(32768), "got 32768 s"],
    ];

    [Theory]
    [MemberData(nameof(BadTimes))]
    public void Time_OutOfRange_NamesTheMemberAndTheRule(TimeSpan value, string detail)
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => new TcpKeepAliveOptions { Time = value });
        Assert.Equal(nameof(TcpKeepAliveOptions.Time), error.ParamName);
        Assert.Equal(value, error.ActualValue);
        Assert.Contains("TcpKeepAliveOptions.Time must be a whole number of seconds between 1 and 32767", error.Message, StringComparison.Ordinal);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadTimes))]
    public void Interval_OutOfRange_NamesTheMember(TimeSpan value, string detail)
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => new TcpKeepAliveOptions { Interval = value });
        Assert.Equal(nameof(TcpKeepAliveOptions.Interval), error.ParamName);
        Assert.Contains("TcpKeepAliveOptions.Interval must be", error.Message, StringComparison.Ordinal);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(128)]
    public void RetryCount_OutOfRange_NamesTheMember(int value)
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => new TcpKeepAliveOptions { RetryCount = value });
        Assert.Equal(nameof(TcpKeepAliveOptions.RetryCount), error.ParamName);
        Assert.Contains("between 1 and 127", error.Message, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"got {value}"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_AreAccepted()
    {
        var low = new TcpKeepAliveOptions { Time = TimeSpan.FromSeconds(1), Interval = TimeSpan.FromSeconds(1), RetryCount = 1 };
        var high = new TcpKeepAliveOptions { Time = TimeSpan.FromSeconds(32767), Interval = TimeSpan.FromSeconds(32767), RetryCount = 127 };
        Assert.Equal(TimeSpan.FromSeconds(2), low.DeadPeerDetectionTime);
        Assert.Equal(127, high.RetryCount);
    }

    [Fact]
    public void Apply_And_Read_RejectNull()
    {
        Assert.Equal("socket", Assert.Throws<ArgumentNullException>(() => TcpKeepAlive.Apply(null!)).ParamName);
        Assert.Equal("socket", Assert.Throws<ArgumentNullException>(() => TcpKeepAlive.Read(null!)).ParamName);
    }
}
