using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Tether.Runtime.Tests.Transport;

/// <summary>
/// A minimal forwarding HTTP proxy on 127.0.0.1 for plain-http requests in absolute-URI form (what a client sends to
/// an HTTP_PROXY for an http:// URL). It records each request line and the client's endpoint, and forwards only to
/// loopback origins; CONNECT (used for https://) is not needed by the tests and is refused.
/// </summary>
internal sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<IDisposable> _resources = [];
    private readonly Task _acceptLoop;

    public LoopbackProxy()
    {
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>Each request the proxy received: the client's endpoint and the request line as sent.</summary>
    public ConcurrentQueue<(IPEndPoint Client, string RequestLine)> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (IDisposable resource in _resources)
        {
            resource.Dispose();
        }

        try
        {
            await _acceptLoop;
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping is the point.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _resources.Add(client);
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        try
        {
            NetworkStream downstream = client.GetStream();
            string? head = await HttpHead.ReadAsync(downstream, _stop.Token);
            if (head is null)
            {
                return;
            }

            string requestLine = head[..head.IndexOf("\r\n", StringComparison.Ordinal)];
            Requests.Enqueue(((IPEndPoint)client.Client.RemoteEndPoint!, requestLine));
            string[] parts = requestLine.Split(' ');
            if (parts.Length != 3 || !Uri.TryCreate(parts[1], UriKind.Absolute, out Uri? target) || !target.IsLoopback)
            {
                await downstream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"), _stop.Token);
                return;
            }

            var upstream = new TcpClient();
            _resources.Add(upstream);
            await upstream.ConnectAsync(IPAddress.Loopback, target.Port, _stop.Token);
            NetworkStream upstreamStream = upstream.GetStream();

            // Origin form towards the server; Proxy-* headers are for this hop only.
            string headers = string.Concat(head[(requestLine.Length + 2)..]
                .Split("\r\n")
                .Where(line => !line.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase))
                .Select(line => line + "\r\n"));
            string forwarded = $"{parts[0]} {target.PathAndQuery} {parts[2]}\r\n{headers.TrimEnd('\r', '\n')}\r\n\r\n";
            await upstreamStream.WriteAsync(Encoding.ASCII.GetBytes(forwarded), _stop.Token);
            await Task.WhenAny(
                downstream.CopyToAsync(upstreamStream, _stop.Token),
                upstreamStream.CopyToAsync(downstream, _stop.Token));
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // A side closed, or the test ended.
        }
    }
}
