using System;
using System.Collections.Generic;

namespace Tether.Runtime.Tests.Transport;

/// <summary>Finds TCP keepalive probes among captured segments.</summary>
internal static class KeepAliveProbes
{
    /// <summary>
    /// The probes one side sent on one connection: a keepalive probe is a bare ACK without payload whose sequence
    /// number is one less than the next byte the sender would send (Linux repeats the last acknowledged byte's
    /// number so that the peer must answer). Ordinary ACKs carry the next sequence number, so they never match.
    /// </summary>
    public static List<TcpSegment> Find(IEnumerable<TcpSegment> segments, int senderPort, int receiverPort)
    {
        var probes = new List<TcpSegment>();
        uint? nextSequence = null;
        foreach (TcpSegment segment in segments)
        {
            if (segment.SourcePort != senderPort || segment.DestinationPort != receiverPort)
            {
                continue;
            }

            if (segment.Flags == TcpSegment.Ack && segment.PayloadLength == 0 && nextSequence is { } next && segment.Sequence == unchecked(next - 1))
            {
                probes.Add(segment);
                continue;
            }

            uint consumed = (uint)segment.PayloadLength
                            + ((segment.Flags & TcpSegment.Syn) != 0 ? 1u : 0u)
                            + ((segment.Flags & TcpSegment.Fin) != 0 ? 1u : 0u);
            uint end = unchecked(segment.Sequence + consumed);
            if (nextSequence is not { } current || (int)unchecked(end - current) > 0)
            {
                nextSequence = end;
            }
        }

        return probes;
    }

    public static string Describe(IReadOnlyList<TcpSegment> probes, TimeSpan origin)
    {
        var times = new List<string>();
        foreach (TcpSegment probe in probes)
        {
            times.Add($"+{(probe.Timestamp - origin).TotalSeconds:0.0}s");
        }

        return times.Count == 0 ? "none" : string.Join(", ", times);
    }
}
