using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Tether.Runtime.Tests.Transport;

/// <summary>
/// Proof 2: keepalive probes are really sent. Two requests wait 5 s for a loopback server while tcpdump watches:
/// the one through Tether's handler (1 s / 1 s / 3) shows probes, the one through a plain handler shows none.
/// </summary>
public sealed class WireProbeTests(ITestOutputHelper output)
{
    private const int HoldMilliseconds = 5000;

    [SkippableFact]
    public async Task KeepAliveProbes_AreOnTheWire_OnlyWithTetherHandler()
    {
        string? tcpdump = CommandRunner.Find("tcpdump");
        NetworkProof.SkipUnless(OperatingSystem.IsLinux(), "capturing on the loopback interface is done with Linux tcpdump");
        NetworkProof.SkipUnless(tcpdump is not null, "tcpdump is not installed (apt-get install tcpdump)");
        NetworkProof.SkipUnless(LinuxNative.IsRoot, "capturing packets needs root (CI runs as root)");

        var options = new TcpKeepAliveOptions
        {
            Time = TimeSpan.FromSeconds(1),
            Interval = TimeSpan.FromSeconds(1),
            RetryCount = 3,
        };
        await using LoopbackServer server = await LoopbackServer.StartAsync(IPAddress.Loopback);
        var sockets = new ConcurrentBag<Socket>();
        using var tether = new HttpClient(TcpKeepAlive.CreateHandler(options, sockets.Add));
        using var plain = new HttpClient(new SocketsHttpHandler());
        Uri slow = server.Url($"/hold/{HoldMilliseconds}");

        byte[] pcap;
        int tetherPort;
        int plainPort;
        await using (TcpDumpCapture capture = await TcpDumpCapture.StartAsync(tcpdump!, "lo", $"tcp port {server.Port}"))
        {
            Task<string> tetherReply = tether.GetStringAsync(slow);
            Task<string> plainReply = plain.GetStringAsync(slow);
            tetherPort = int.Parse(await tetherReply, CultureInfo.InvariantCulture);
            plainPort = int.Parse(await plainReply, CultureInfo.InvariantCulture);
            pcap = await capture.StopAsync();
        }

        Assert.Single(sockets, socket => ((IPEndPoint)socket.LocalEndPoint!).Port == tetherPort);
        List<TcpSegment> segments = TcpSegment.ParsePcap(pcap);
        TimeSpan origin = segments.Count > 0 ? segments[0].Timestamp : TimeSpan.Zero;
        List<TcpSegment> tetherProbes = KeepAliveProbes.Find(segments, tetherPort, server.Port);
        List<TcpSegment> plainProbes = KeepAliveProbes.Find(segments, plainPort, server.Port);
        int plainSegments = segments.Count(segment => segment.SourcePort == plainPort || segment.DestinationPort == plainPort);
        int probeAnswers = tetherProbes.Count(probe => segments.Any(segment =>
            segment.SourcePort == server.Port && segment.DestinationPort == tetherPort
            && segment.Timestamp >= probe.Timestamp && segment.Timestamp - probe.Timestamp < TimeSpan.FromMilliseconds(200)));
        output.WriteLine($"captured {segments.Count} segments; reply held {HoldMilliseconds} ms; options {options}");
        output.WriteLine($"Tether handler (client port {tetherPort}): {tetherProbes.Count} keepalive probes at {KeepAliveProbes.Describe(tetherProbes, origin)}; {probeAnswers} answered");
        output.WriteLine($"plain handler  (client port {plainPort}): {plainProbes.Count} keepalive probes in {plainSegments} segments");

        // Probes are due at +1, +2, +3, +4 s of the 5 s wait; 3 leaves room for a loaded machine.
        Assert.True(tetherProbes.Count >= 3, $"expected at least 3 probes, saw {tetherProbes.Count}");
        Assert.True(plainSegments > 0, "the plain connection is missing from the capture, so its zero would prove nothing");
        Assert.Empty(plainProbes);
    }
}
