using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Tether.Runtime.Tests.Transport;

/// <summary>
/// Proofs 3 and 5, and host names with several addresses, through a real NAT built from network namespaces
/// (<see cref="NetworkLab"/>). Clients run as child processes inside the client namespace; the server listens
/// inside the server namespace.
/// </summary>
[Collection(NetworkNamespaceCollection.Name)]
public sealed class NatTests(ITestOutputHelper output)
{
    private const int ServerPort = 8080;

    /// <summary>Short enough to keep a 5 s conntrack entry alive, and to notice a dead peer in 5 s.</summary>
    private static readonly TcpKeepAliveOptions Short = new()
    {
        Time = TimeSpan.FromSeconds(2),
        Interval = TimeSpan.FromSeconds(1),
        RetryCount = 3,
    };

    private static readonly Uri ServerUrl = new($"http://{NetworkLab.ServerAddress}:{ServerPort}/");

    [SkippableFact]
    public async Task ReplyAfterTheNatForgotTheConnection_ReachesTetherClient_NotPlainClient()
    {
        TimeSpan replyDelay = TimeSpan.FromSeconds(15);
        TimeSpan bound = TimeSpan.FromSeconds(30);
        await using NetworkLab lab = await CreateLabOrSkipAsync();
        await using var server = new SlowHttpServer(lab.Listen(NetworkLab.ServerAddress, ServerPort), replyDelay);

        Task<ChildClientReport> tether = ChildClientProcess.RunAsync(new ChildClientRequest(ServerUrl, KeepAlive: true, Short, bound), lab.Client);
        Task<ChildClientReport> plain = ChildClientProcess.RunAsync(new ChildClientRequest(ServerUrl, KeepAlive: false, null, bound), lab.Client);
        ChildClientReport tetherReport = await tether;
        ChildClientReport plainReport = await plain;

        output.WriteLine($"router: conntrack established timeout 5 s; server replies after {replyDelay.TotalSeconds} s; bound {bound.TotalSeconds} s");
        output.WriteLine($"Tether handler ({Short}): {Describe(tetherReport)}");
        output.WriteLine($"plain handler: {Describe(plainReport)}");
        output.WriteLine($"server: {server.RequestsReceived} requests received, {server.RepliesSent} replies sent");

        Assert.Equal(2, server.RepliesSent); // both replies left the server; only the NAT decides who gets one
        Assert.Equal("ok", tetherReport.Outcome);
        Assert.Equal(SlowHttpServer.Body, tetherReport.Result["body"]);
        Assert.True(tetherReport.Elapsed >= replyDelay, $"the reply came before the server sent it? {tetherReport.Elapsed}");
        IReadOnlyDictionary<string, string> connection = Assert.Single(tetherReport.Connected);
        Assert.Equal($"{NetworkLab.ServerAddress}:{ServerPort}", connection["remote"]);
        Assert.Equal("timeout", plainReport.Outcome);
    }

    [SkippableFact]
    public async Task ServerVanishesMidCall_TetherClientFailsFast_PlainClientKeepsWaiting()
    {
        TimeSpan bound = TimeSpan.FromSeconds(20);
        TimeSpan slack = TimeSpan.FromSeconds(5);
        await using NetworkLab lab = await CreateLabOrSkipAsync();
        await using var server = new SlowHttpServer(lab.Listen(NetworkLab.ServerAddress, ServerPort), TimeSpan.FromMinutes(10));

        // The plain client goes first, so the drop can follow the Tether client's request at once: its keepalive
        // clock starts at that request, and that is what the time bound below measures.
        Task<ChildClientReport> plain = ChildClientProcess.RunAsync(new ChildClientRequest(ServerUrl, KeepAlive: false, null, bound), lab.Client);
        Assert.True(await server.WaitForRequestsAsync(1, TimeSpan.FromSeconds(20)), "the plain client's request never arrived");
        Task<ChildClientReport> tether = ChildClientProcess.RunAsync(new ChildClientRequest(ServerUrl, KeepAlive: true, Short, bound), lab.Client);
        Assert.True(await server.WaitForRequestsAsync(2, TimeSpan.FromSeconds(20)), "the Tether client's request never arrived");
        await lab.DropEverythingFromServerAsync();

        ChildClientReport tetherReport = await tether;
        ChildClientReport plainReport = await plain;
        output.WriteLine($"server vanished right after the requests arrived; expected failure within {Short.DeadPeerDetectionTime.TotalSeconds} s + {slack.TotalSeconds} s slack; bound {bound.TotalSeconds} s");
        output.WriteLine($"Tether handler ({Short}): {Describe(tetherReport)}");
        output.WriteLine($"plain handler: {Describe(plainReport)}");

        Assert.Equal("error", tetherReport.Outcome);
        Assert.Equal(nameof(SocketError.TimedOut), tetherReport.Result["socket_error"]);
        Assert.StartsWith("HttpRequestException>", tetherReport.Result["chain"], StringComparison.Ordinal);
        Assert.InRange(tetherReport.Elapsed, Short.Time, Short.DeadPeerDetectionTime + slack);
        Assert.Equal("timeout", plainReport.Outcome);
    }

    [SkippableFact]
    public async Task HostNameWithSeveralAddresses_EachIsTriedInTurn()
    {
        await using NetworkLab lab = await CreateLabOrSkipAsync();
        await lab.AddSecondServerAddressAsync();
        await using var server = new SlowHttpServer(lab.Listen(NetworkLab.SecondServerAddress, ServerPort), TimeSpan.Zero);
        // The first address refuses (nothing listens there); the second one answers.
        await lab.WriteClientHostsAsync(
            $"127.0.0.1 localhost\n{NetworkLab.ServerAddress} tether-multi\n{NetworkLab.SecondServerAddress} tether-multi\n");

        ChildClientReport report = await ChildClientProcess.RunAsync(
            new ChildClientRequest(new Uri($"http://tether-multi:{ServerPort}/"), KeepAlive: true, Short, TimeSpan.FromSeconds(20), Resolve: true),
            lab.Client);

        output.WriteLine($"resolved: {string.Join(", ", report.Resolved)}; {Describe(report)}");
        Assert.Equal([NetworkLab.ServerAddress.ToString(), NetworkLab.SecondServerAddress.ToString()], report.Resolved);
        Assert.Equal("ok", report.Outcome);
        IReadOnlyDictionary<string, string> connection = Assert.Single(report.Connected);
        Assert.Equal($"{NetworkLab.SecondServerAddress}:{ServerPort}", connection["remote"]);
        Assert.Equal("1", connection["keepalive"]);
        Assert.Equal("2", connection["idle"]);
    }

    private static async Task<NetworkLab> CreateLabOrSkipAsync()
    {
        string? missing = NetworkLab.MissingPrerequisite();
        NetworkProof.SkipUnless(missing is null, missing);
        (NetworkLab? lab, string? failure) = await NetworkLab.CreateAsync();
        NetworkProof.SkipUnless(lab is not null, $"could not build the NAT lab here: {failure}");
        return lab!;
    }

    private static string Describe(ChildClientReport report) =>
        report.Result.Count == 0
            ? $"no result; child output: {report.Transcript.Trim()}"
            : $"{report.Outcome} after {report.Elapsed.TotalSeconds:0.0} s ({string.Join(' ', report.Result.Where(pair => pair.Key is not ("outcome" or "elapsed_ms")).Select(pair => $"{pair.Key}={pair.Value}"))})" +
              string.Concat(report.Connected.Select(connection => $"; connected {connection["local"]} -> {connection["remote"]} keepalive={connection["keepalive"]} idle={connection["idle"]} interval={connection["interval"]} count={connection["count"]}"));
}
