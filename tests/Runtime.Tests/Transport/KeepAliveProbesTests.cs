using System;
using System.Collections.Generic;
using Xunit;

namespace Tether.Runtime.Tests.Transport;

/// <summary>The wire test's probe detector tells probes from ordinary ACKs (so its counts mean something).</summary>
public sealed class KeepAliveProbesTests
{
    private const int Client = 40000;
    private const int Server = 8080;

    [Fact]
    public void Find_CountsOnlyBareAcksThatRepeatTheLastSentByte()
    {
        var segments = new List<TcpSegment>
        {
            Segment(0, Client, Server, 1000, TcpSegment.Syn, 0),
            Segment(0, Server, Client, 5000, TcpSegment.Syn | TcpSegment.Ack, 0),
            Segment(0, Client, Server, 1001, TcpSegment.Ack, 0),          // handshake ACK: next byte, not a probe
            Segment(0, Client, Server, 1001, TcpSegment.Ack | 0x08, 100), // the request
            Segment(0, Server, Client, 5001, TcpSegment.Ack, 0),
            Segment(1, Client, Server, 1100, TcpSegment.Ack, 0),          // probe: 1101 - 1
            Segment(1, Server, Client, 5001, TcpSegment.Ack, 0),          // the server's answer: not from the client
            Segment(2, Client, Server, 1101, TcpSegment.Ack, 0),          // window update: next byte, not a probe
            Segment(3, Client, Server, 1100, TcpSegment.Ack, 0),          // second probe
            Segment(4, 40001, Server, 1100, TcpSegment.Ack, 0),           // another connection
        };

        List<TcpSegment> probes = KeepAliveProbes.Find(segments, Client, Server);

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)], probes.ConvertAll(probe => probe.Timestamp));
        Assert.Empty(KeepAliveProbes.Find(segments, Server, Client));
    }

    [Fact]
    public void Find_HandlesSequenceNumbersThatWrapAround()
    {
        var segments = new List<TcpSegment>
        {
            Segment(0, Client, Server, uint.MaxValue - 9, TcpSegment.Ack | 0x08, 20), // next byte wraps to 10
            Segment(1, Client, Server, 9, TcpSegment.Ack, 0),
        };

        Assert.Single(KeepAliveProbes.Find(segments, Client, Server));
    }

    private static TcpSegment Segment(int second, int from, int to, uint sequence, int flags, int payload) =>
        new(TimeSpan.FromSeconds(second), from, to, sequence, (byte)flags, payload);
}
