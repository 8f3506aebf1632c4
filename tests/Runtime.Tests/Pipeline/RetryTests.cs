using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Tether.Runtime.Tests.Pipeline.Support;
using Xunit;

namespace Tether.Runtime.Tests.Pipeline;

public sealed class RetryTests
{
    [Fact]
    public async Task RateLimited_WithRetryAfterSeconds_WaitsThatLong_ThenSucceeds()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async (context, number) =>
        {
            if (context.Request.Path == "/v1/greeting" && number == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers["Retry-After"] = "1";
                await context.Response.WriteAsync("""{"error":{"message":"slow down","type":"requests","code":"rate_limit_exceeded"}}""");
                return;
            }

            await context.Response.WriteAsync("""{"text":"hello","count":2}""");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        var clock = Stopwatch.StartNew();
        Greeting greeting = await pipeline.SendJsonAsync(new TetherRequest(HttpMethod.Get, "/greeting"), TestJsonContext.Default.Greeting);

        Assert.Equal("hello", greeting.Text);
        Assert.Equal(2, greeting.Count);
        Assert.Equal(2, server.RequestCount);
        // The options ask for a 1 ms backoff; only honouring Retry-After explains a wait near one second.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}");
    }

    [Fact]
    public async Task RetryAfterMs_TakesPrecedenceOverRetryAfter()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async (context, number) =>
        {
            if (number == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers["Retry-After"] = "30";
                context.Response.Headers["Retry-After-Ms"] = "20";
                return;
            }

            await context.Response.WriteAsync("""{"text":"ok"}""");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        var clock = Stopwatch.StartNew();
        await pipeline.SendJsonAsync(new TetherRequest(HttpMethod.Get, "x"), TestJsonContext.Default.Greeting);

        Assert.Equal(2, server.RequestCount);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"waited {clock.Elapsed}: Retry-After-Ms was ignored");
    }

    [Fact]
    public async Task ServerError_ExhaustsRetries_ThenThrowsApiExceptionWithAttemptCount()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async (context, number) =>
        {
            context.Response.StatusCode = 500;
            context.Response.Headers["x-request-id"] = "req_" + number;
            await context.Response.WriteAsync("""{"error":{"message":"The server had an error","type":"server_error","code":null,"param":null}}""");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 2));

        var ex = await Assert.ThrowsAsync<TetherApiException>(
            () => pipeline.SendJsonAsync(new TetherRequest(HttpMethod.Post, "/chat/completions"), TestJsonContext.Default.Greeting));

        Assert.Equal(3, server.RequestCount);
        Assert.Equal(3, ex.Attempts);
        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal("The server had an error", ex.ErrorMessage);
        Assert.Equal("server_error", ex.ErrorType);
        Assert.Null(ex.ErrorCode);
        Assert.Equal("req_3", ex.RequestId);
        Assert.Contains("after 3 attempts", ex.Message);
        Assert.Contains("POST " + server.BaseAddress + "/chat/completions", ex.Message);
        Assert.Contains("req_3", ex.Message);
    }

    [Fact]
    public async Task ShouldRetryFalse_StopsRetryingA500()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(context =>
        {
            context.Response.StatusCode = 503;
            context.Response.Headers["x-should-retry"] = "false";
            return Task.CompletedTask;
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        var ex = await Assert.ThrowsAsync<TetherApiException>(() => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x")));

        Assert.Equal(1, server.RequestCount);
        Assert.Equal(1, ex.Attempts);
    }

    [Fact]
    public async Task ShouldRetryTrue_RetriesAStatusThatIsNormallyFinal()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async (context, number) =>
        {
            if (number == 1)
            {
                context.Response.StatusCode = 400;
                context.Response.Headers["x-should-retry"] = "true";
                return;
            }

            await context.Response.WriteAsync("{}");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x"));

        Assert.Equal(2, server.RequestCount);
    }

    [Theory]
    [InlineData(400, 1)]
    [InlineData(401, 1)]
    [InlineData(404, 1)]
    [InlineData(408, 3)]
    [InlineData(409, 3)]
    [InlineData(429, 3)]
    [InlineData(502, 3)]
    public async Task StatusCodes_AreRetriedOnlyWhenTransient(int status, int expectedAttempts)
    {
        await using PipelineServer server = await PipelineServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 2));

        var ex = await Assert.ThrowsAsync<TetherApiException>(() => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x")));

        Assert.Equal(expectedAttempts, server.RequestCount);
        Assert.Equal(expectedAttempts, ex.Attempts);
        Assert.Equal(status, (int)ex.StatusCode);
    }

    [Fact]
    public async Task PerCallMaxRetries_OverridesTheClient()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 2));
        var request = new TetherRequest(HttpMethod.Get, "/x") { Options = new RequestOptions { MaxRetries = 0 } };

        var ex = await Assert.ThrowsAsync<TetherApiException>(() => pipeline.SendAsync(request));

        Assert.Equal(1, server.RequestCount);
        Assert.Equal(1, ex.Attempts);
    }

    [Fact]
    public async Task ConnectionRefused_IsRetried_ThenThrowsConnectionException()
    {
        int closedPort = FindClosedLoopbackPort();
        using var pipeline = new TetherPipeline(new TetherClientOptions
        {
            BaseAddress = new Uri($"http://127.0.0.1:{closedPort}/v1"),
            MaxRetries = 2,
            InitialRetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        });

        var ex = await Assert.ThrowsAsync<TetherConnectionException>(() => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/models")));

        Assert.Equal(3, ex.Attempts);
        HttpRequestException inner = Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Equal(HttpRequestError.ConnectionError, inner.HttpRequestError);
        Assert.Contains("gave up after 3 attempts", ex.Message);
    }

    [Fact]
    public async Task ConnectionRefused_ThenServerAppears_Succeeds()
    {
        // The first attempt is refused; the server starts on that port before the retry.
        int port = FindClosedLoopbackPort();
        int attempts = 0;
        var handler = new CountingHandler(new SocketsHttpHandler(), () => Interlocked.Increment(ref attempts));
        TcpListener? listener = null;
        var options = new TetherClientOptions
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            MaxRetries = 1,
            InitialRetryDelay = TimeSpan.FromMilliseconds(300),
            MaxRetryDelay = TimeSpan.FromMilliseconds(300),
            Timeout = TimeSpan.FromSeconds(10),
        };
        using var pipeline = new TetherPipeline(options, handler);

        Task<byte[]> call = pipeline.SendBytesAsync(new TetherRequest(HttpMethod.Get, "/"));
        try
        {
            // Bounded wait until the first attempt has been refused, then answer the retry with a minimal HTTP/1.1 response.
            for (int i = 0; i < 100 && Volatile.Read(ref attempts) == 0; i++)
            {
                await Task.Delay(10);
            }

            listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            using TcpClient accepted = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));
            NetworkStream stream = accepted.GetStream();
            byte[] buffer = new byte[4096];
            _ = await stream.ReadAsync(buffer);
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"u8.ToArray());

            byte[] body = await call.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal("ok"u8.ToArray(), body);
            Assert.Equal(2, Volatile.Read(ref attempts));
        }
        finally
        {
            listener?.Stop();
            handler.Dispose();
        }
    }

    [Fact]
    public async Task NonSeekableStreamBody_IsSentOnce_AndNotRetried()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.StatusCode = 500;
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 2));
        using var body = new NonSeekableStream(new byte[1000]);
        var request = new TetherRequest(HttpMethod.Post, "/upload") { Content = RequestContent.Stream(body, "application/octet-stream") };

        var ex = await Assert.ThrowsAsync<TetherApiException>(() => pipeline.SendAsync(request));

        Assert.Equal(1, server.RequestCount);
        Assert.Equal(1, ex.Attempts);
    }

    [Fact]
    public async Task SeekableStreamBody_IsResentWhole_OnRetry()
    {
        var received = new List<byte[]>();
        await using PipelineServer server = await PipelineServer.StartAsync(async (context, number) =>
        {
            using var copy = new MemoryStream();
            await context.Request.Body.CopyToAsync(copy);
            lock (received)
            {
                received.Add(copy.ToArray());
            }

            context.Response.StatusCode = number == 1 ? 500 : 200;
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        byte[] payload = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();
        using var body = new MemoryStream(payload);
        body.Position = 10; // the body starts where the stream stands, and each attempt starts there again

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Post, "/upload") { Content = RequestContent.Stream(body, "application/octet-stream") });

        Assert.Equal(2, received.Count);
        Assert.Equal(payload[10..], received[0]);
        Assert.Equal(payload[10..], received[1]);
    }

    [Fact]
    public async Task JsonBody_IsResentIdentically_OnRetry()
    {
        var received = new List<string>();
        await using PipelineServer server = await PipelineServer.StartAsync(async (context, number) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            string text = await reader.ReadToEndAsync();
            lock (received)
            {
                received.Add(context.Request.ContentType + " " + text);
            }

            context.Response.StatusCode = number == 1 ? 502 : 200;
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        var request = new TetherRequest(HttpMethod.Post, "/greet")
        {
            Content = RequestContent.Json(new Greeting { Text = "hi", Count = 3 }, TestJsonContext.Default.Greeting),
        };

        await pipeline.SendAsync(request);

        Assert.Equal(2, received.Count);
        Assert.Equal("application/json; charset=utf-8 {\"text\":\"hi\",\"count\":3}", received[0]);
        Assert.Equal(received[0], received[1]);
    }

    internal static int FindClosedLoopbackPort()
    {
        // Bind to an ephemeral port and release it: nothing listens there right after.
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

}
