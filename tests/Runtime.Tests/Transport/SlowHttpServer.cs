using System;
using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Tether.Runtime.Tests.Transport;

/// <summary>
/// A bare HTTP/1.1 server on a given listening socket (one made inside a network namespace) that answers every
/// request with <see cref="Body"/> after a fixed delay — the stand-in for a model that thinks for minutes.
/// </summary>
internal sealed class SlowHttpServer : IAsyncDisposable
{
    public const string Body = "late-reply";

    private readonly Socket _listener;
    private readonly TimeSpan _replyDelay;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Socket> _connections = [];
    private readonly Task _acceptLoop;
    private int _requestsReceived;
    private int _repliesSent;

    public SlowHttpServer(Socket listener, TimeSpan replyDelay)
    {
        _listener = listener;
        _replyDelay = replyDelay;
        _acceptLoop = AcceptLoopAsync();
    }

    public int RequestsReceived => Volatile.Read(ref _requestsReceived);

    public int RepliesSent => Volatile.Read(ref _repliesSent);

    /// <summary>Waits (bounded) until <paramref name="count"/> requests have arrived in full.</summary>
    public async Task<bool> WaitForRequestsAsync(int count, TimeSpan bound)
    {
        DateTime deadline = DateTime.UtcNow + bound;
        while (RequestsReceived < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return RequestsReceived >= count;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        foreach (Socket connection in _connections)
        {
            connection.Dispose();
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
            Socket connection = await _listener.AcceptAsync(_stop.Token);
            _connections.Add(connection);
            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(Socket connection)
    {
        try
        {
            using var stream = new NetworkStream(connection, ownsSocket: false);
            if (await HttpHead.ReadAsync(stream, _stop.Token) is null)
            {
                return;
            }

            Interlocked.Increment(ref _requestsReceived);
            await Task.Delay(_replyDelay, _stop.Token);
            byte[] reply = Encoding.ASCII.GetBytes(
                $"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {Body.Length}\r\nConnection: close\r\n\r\n{Body}");
            await stream.WriteAsync(reply, _stop.Token);
            Interlocked.Increment(ref _repliesSent);
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException or System.IO.IOException)
        {
            // The client went away or the test ended; either way there is nobody left to answer.
        }
    }
}
