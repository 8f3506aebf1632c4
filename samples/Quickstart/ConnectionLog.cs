using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Tether.Samples.Quickstart;

/// <summary>
/// Collects the sockets the client's transport opens (through the <c>onConnected</c> hook of
/// <see cref="TcpKeepAlive.CreateHandler(TcpKeepAliveOptions?, Action{Socket}?)"/>) so that the quickstart can show the
/// keepalive settings the kernel really holds for them, instead of the options it asked for.
/// </summary>
internal sealed class ConnectionLog
{
    private readonly List<Socket> _sockets = new();

    /// <summary>Pass this to the handler: it only remembers the socket (the handler owns it).</summary>
    public void OnConnected(Socket socket)
    {
        lock (_sockets)
        {
            _sockets.Add(socket);
        }
    }

    /// <summary>One line per connection opened so far: endpoints and the keepalive state read from the socket now.</summary>
    public IReadOnlyList<string> Describe()
    {
        Socket[] sockets;
        lock (_sockets)
        {
            sockets = _sockets.ToArray();
        }

        var lines = new List<string>(sockets.Length);
        foreach (Socket socket in sockets)
        {
            lines.Add(Describe(socket));
        }

        return lines;
    }

    private static string Describe(Socket socket)
    {
        try
        {
            string endpoints = Show(socket.LocalEndPoint) + " -> " + Show(socket.RemoteEndPoint);
            TcpKeepAliveState state = TcpKeepAlive.Read(socket);
            if (state.Enabled != true)
            {
                return endpoints + ": keepalive OFF";
            }

            return endpoints + ": keepalive on, first probe after " + Seconds(state.Time) + " idle, then every "
                + Seconds(state.Interval) + ", dropped after " + (state.RetryCount?.ToString(CultureInfo.InvariantCulture) ?? "?")
                + " unanswered probes";
        }
        catch (ObjectDisposedException)
        {
            return "(a connection that has been closed since)";
        }
    }

    // The transport's dual-mode sockets report IPv4 peers as IPv4-mapped IPv6 addresses; show them as plain IPv4.
    private static string Show(EndPoint? endPoint) => endPoint is IPEndPoint { Address.IsIPv4MappedToIPv6: true } ip
        ? new IPEndPoint(ip.Address.MapToIPv4(), ip.Port).ToString()
        : endPoint?.ToString() ?? "?";

    private static string Seconds(TimeSpan? value) =>
        value is { } time ? time.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s" : "? s";
}
