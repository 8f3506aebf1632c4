using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace Tether.Runtime.Tests.Transport;

/// <summary>One IPv4 TCP segment from a pcap capture: ports, sequence numbers, flags and payload size.</summary>
internal readonly record struct TcpSegment(TimeSpan Timestamp, int SourcePort, int DestinationPort, uint Sequence, byte Flags, int PayloadLength)
{
    public const byte Fin = 0x01;
    public const byte Syn = 0x02;
    public const byte Rst = 0x04;
    public const byte Ack = 0x10;

    /// <summary>Reads the IPv4 TCP segments of a classic pcap file (Ethernet, Linux cooked v1 or v2 links).</summary>
    public static List<TcpSegment> ParsePcap(ReadOnlySpan<byte> pcap)
    {
        var segments = new List<TcpSegment>();
        if (pcap.Length < 24)
        {
            return segments;
        }

        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(pcap);
        bool littleEndian = magic is 0xa1b2c3d4 or 0xa1b23c4d;
        bool nanoseconds = magic is 0xa1b23c4d or 0x4d3cb2a1;
        uint Read32(ReadOnlySpan<byte> bytes) =>
            littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);

        int linkHeader = Read32(pcap[20..]) switch
        {
            1 => 14,   // Ethernet: what tcpdump gives for lo on Linux
            113 => 16, // Linux cooked capture v1
            276 => 20, // Linux cooked capture v2
            uint other => throw new NotSupportedException($"pcap link type {other}"),
        };

        int offset = 24;
        while (offset + 16 <= pcap.Length)
        {
            ReadOnlySpan<byte> record = pcap[offset..];
            var timestamp = TimeSpan.FromSeconds(Read32(record)) +
                            TimeSpan.FromTicks(nanoseconds ? Read32(record[4..]) / 100 : Read32(record[4..]) * 10L);
            int captured = (int)Read32(record[8..]);
            if (offset + 16 + captured > pcap.Length)
            {
                break;
            }

            if (TryParseTcp(record.Slice(16, captured), linkHeader, timestamp, out TcpSegment segment))
            {
                segments.Add(segment);
            }

            offset += 16 + captured;
        }

        return segments;
    }

    private static bool TryParseTcp(ReadOnlySpan<byte> frame, int linkHeader, TimeSpan timestamp, out TcpSegment segment)
    {
        segment = default;
        if (frame.Length < linkHeader + 20)
        {
            return false;
        }

        ReadOnlySpan<byte> ip = frame[linkHeader..];
        if (ip[0] >> 4 != 4 || ip[9] != 6)
        {
            return false;
        }

        int ipHeader = (ip[0] & 0x0f) * 4;
        int ipTotal = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        if (ip.Length < ipHeader + 20)
        {
            return false;
        }

        ReadOnlySpan<byte> tcp = ip[ipHeader..];
        int tcpHeader = (tcp[12] >> 4) * 4;
        segment = new TcpSegment(
            timestamp,
            BinaryPrimitives.ReadUInt16BigEndian(tcp),
            BinaryPrimitives.ReadUInt16BigEndian(tcp[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(tcp[4..]),
            tcp[13],
            ipTotal - ipHeader - tcpHeader);
        return true;
    }
}
