using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Tether.Runtime.Tests.Transport;

namespace Tether.EndToEnd.Tests.Nat;

/// <summary>
/// A bare HTTP/1.1 server on a listening socket made inside the server namespace: reads each request in full, stays
/// silent for a fixed delay (a model thinking for minutes), then answers with a chat completion.
/// </summary>
internal sealed class DelayedChatServer : IAsyncDisposable
{
    public const string ReplyContent = "The late reply.";

    private const string Completion = """
        {"id":"chatcmpl-late","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"The late reply.","refusal":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}}
        """;

    private readonly Socket _listener;
    private readonly TimeSpan _replyDelay;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _connections = [];
    private readonly Task _acceptLoop;
    private int _requestsReceived;
    private int _repliesSent;

    public DelayedChatServer(Socket listener, TimeSpan replyDelay)
    {
        _listener = listener;
        _replyDelay = replyDelay;
        _acceptLoop = AcceptLoopAsync();
    }

    public int RequestsReceived => Volatile.Read(ref _requestsReceived);

    public int RepliesSent => Volatile.Read(ref _repliesSent);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }
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
            var connection = await _listener.AcceptAsync(_stop.Token);
            lock (_connections)
            {
                _connections.Add(connection);
            }

            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(Socket connection)
    {
        try
        {
            using var stream = new NetworkStream(connection, ownsSocket: false);
            if (await HttpHead.ReadAsync(stream, _stop.Token) is not { } head)
            {
                return;
            }

            // The body too, so the request is complete on the server before the silence starts.
            var length = ContentLength(head);
            var body = new byte[length];
            await stream.ReadExactlyAsync(body, _stop.Token);
            Interlocked.Increment(ref _requestsReceived);

            await Task.Delay(_replyDelay, _stop.Token);
            var payload = Encoding.UTF8.GetBytes(Completion);
            var reply = Encoding.ASCII.GetBytes(
                $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {payload.Length}\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(reply.Concat(payload).ToArray(), _stop.Token);
            Interlocked.Increment(ref _repliesSent);
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // The client went away or the test ended; either way there is nobody left to answer.
        }
    }

    private static int ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
