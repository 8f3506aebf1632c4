using System.Net;
using Microsoft.AspNetCore.Http;
using Tether.Runtime.Tests.Pipeline.Support;
using Xunit;

namespace Tether.Runtime.Tests.Pipeline;

public sealed class StreamingTests
{
    [Fact]
    public async Task Events_AreTyped_AndDoneEndsTheStream()
    {
        string? accept = null;
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            accept = context.Request.Headers.Accept;
            Sse.Begin(context);
            await Sse.WriteAsync(context, """{"type":"delta","delta":"Hel"}""");
            await Sse.WriteAsync(context, """{"type":"delta","delta":"lo"}""", eventType: "response.output_text.delta");
            await Sse.WriteAsync(context, "[DONE]");
            // Anything after [DONE] must not be yielded.
            await Sse.WriteAsync(context, """{"type":"delta","delta":"ignored"}""");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        var deltas = new List<string?>();
        await foreach (ChunkEvent chunk in pipeline.StreamEventsAsync(new TetherRequest(HttpMethod.Post, "/chat/completions"), TestJsonContext.Default.ChunkEvent))
        {
            deltas.Add(chunk.Delta);
        }

        Assert.Equal(new[] { "Hel", "lo" }, deltas);
        Assert.Equal("text/event-stream", accept);
    }

    [Fact]
    public async Task CustomParser_SeesEventTypes()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            Sse.Begin(context);
            await Sse.WriteAsync(context, "{}", eventType: "response.created");
            await Sse.WriteAsync(context, "{}");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        var types = new List<string>();
        await foreach (string type in pipeline.StreamEventsAsync(new TetherRequest(HttpMethod.Post, "/responses"), (eventType, _) => eventType))
        {
            types.Add(type);
        }

        // The stream ended at the end of the body, without [DONE], as the Responses API does.
        Assert.Equal(new[] { "response.created", "message" }, types);
    }

    [Fact]
    public async Task ErrorEvent_SurfacesAsApiException_AfterTheEventsBeforeIt()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            Sse.Begin(context);
            await Sse.WriteAsync(context, """{"type":"delta","delta":"a"}""");
            await Sse.WriteAsync(context, """{"type":"error","code":"server_error","message":"The model crashed","param":null}""", eventType: "error");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        var received = new List<string?>();
        var ex = await Assert.ThrowsAsync<TetherApiException>(async () =>
        {
            await foreach (ChunkEvent chunk in pipeline.StreamEventsAsync(new TetherRequest(HttpMethod.Post, "/responses"), TestJsonContext.Default.ChunkEvent))
            {
                received.Add(chunk.Delta);
            }
        });

        Assert.Equal(new[] { "a" }, received);
        Assert.True(ex.IsStreamError);
        Assert.Equal("The model crashed", ex.ErrorMessage);
        Assert.Equal("server_error", ex.ErrorCode);
        Assert.Equal("req_stream", ex.RequestId);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
    }

    [Fact]
    public async Task ErrorPayload_WithoutEventName_SurfacesAsApiException()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            Sse.Begin(context);
            await Sse.WriteAsync(context, """{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded","param":null}}""");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        var ex = await Assert.ThrowsAsync<TetherApiException>(() => Drain(pipeline.StreamEventsAsync(
            new TetherRequest(HttpMethod.Post, "/chat/completions"), TestJsonContext.Default.ChunkEvent)));

        Assert.True(ex.IsStreamError);
        Assert.Equal("requests", ex.ErrorType);
        Assert.Equal("rate_limit_exceeded", ex.ErrorCode);
        Assert.Contains("Rate limit reached", ex.Message);
    }

    [Fact]
    public async Task NestedErrorProperty_IsData_NotAnError()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            Sse.Begin(context);
            await Sse.WriteAsync(context, """{"type":"response.failed","delta":"x","response":{"error":{"message":"model error"}}}""");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        List<ChunkEvent> events = await Drain(pipeline.StreamEventsAsync(new TetherRequest(HttpMethod.Post, "/responses"), TestJsonContext.Default.ChunkEvent));

        Assert.Equal("response.failed", Assert.Single(events).Type);
    }

    [Fact]
    public async Task MidStreamDisconnect_SurfacesAsConnectionException()
    {
        var firstEventSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            Sse.Begin(context);
            await Sse.WriteAsync(context, """{"type":"delta","delta":"a"}""");
            // Abort only once the client has the first event: a reset discards data the client has not read yet.
            await firstEventSeen.Task.WaitAsync(TimeSpan.FromSeconds(10));
            context.Abort();
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        var received = new List<string?>();
        var ex = await Assert.ThrowsAsync<TetherConnectionException>(async () =>
        {
            await foreach (ChunkEvent chunk in pipeline.StreamEventsAsync(new TetherRequest(HttpMethod.Post, "/chat/completions"), TestJsonContext.Default.ChunkEvent))
            {
                received.Add(chunk.Delta);
                firstEventSeen.TrySetResult();
            }
        });

        Assert.Equal(new[] { "a" }, received);
        Assert.Contains("lost while the event stream was being read", ex.Message);
        Assert.IsAssignableFrom<IOException>(ex.InnerException);
        Assert.Equal(1, ex.Attempts);
    }

    [Fact]
    public async Task EarlyBreak_ReleasesTheConnection()
    {
        var firstRequestAborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using PipelineServer server = await PipelineServer.StartAsync(async (context, number) =>
        {
            if (number > 1)
            {
                await context.Response.WriteAsync("{}");
                return;
            }

            Sse.Begin(context);
            await Sse.WriteAsync(context, """{"type":"delta","delta":"a"}""");
            try
            {
                // An endless stream: only the client letting go ends it.
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                firstRequestAborted.TrySetResult();
            }
        });
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1 };
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 0), handler);

        await foreach (ChunkEvent chunk in pipeline.StreamEventsAsync(new TetherRequest(HttpMethod.Post, "/chat/completions"), TestJsonContext.Default.ChunkEvent))
        {
            Assert.Equal("a", chunk.Delta);
            break;
        }

        // With one connection allowed, this call can only run if the stream gave its connection back; without that
        // it would wait for a connection until its timeout.
        var next = new TetherRequest(HttpMethod.Get, "/models") { Options = new RequestOptions { Timeout = TimeSpan.FromSeconds(10) } };
        await pipeline.SendAsync(next);
        await firstRequestAborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task CallerCancellation_MidStream_ThrowsWithTheCallersToken_AndReleasesTheConnection()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async (context, number) =>
        {
            if (number > 1)
            {
                return;
            }

            Sse.Begin(context);
            await Sse.WriteAsync(context, """{"type":"delta","delta":"a"}""");
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1 };
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 0), handler);
        using var cancellation = new CancellationTokenSource();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ChunkEvent _ in pipeline.StreamEventsAsync(new TetherRequest(HttpMethod.Post, "/chat/completions"), TestJsonContext.Default.ChunkEvent, cancellation.Token))
            {
                // Cancel while the client waits for the next event, which never comes.
                cancellation.CancelAfter(TimeSpan.FromMilliseconds(100));
            }
        });

        Assert.Equal(cancellation.Token, ex.CancellationToken);
        var next = new TetherRequest(HttpMethod.Get, "/models") { Options = new RequestOptions { Timeout = TimeSpan.FromSeconds(10) } };
        await pipeline.SendAsync(next);
    }

    [Fact]
    public async Task SilentStream_FailsWithStreamIdleTimeout()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            Sse.Begin(context);
            await Sse.WriteAsync(context, """{"type":"delta","delta":"a"}""");
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 0));
        var request = new TetherRequest(HttpMethod.Post, "/chat/completions") { Options = new RequestOptions { Timeout = TimeSpan.FromSeconds(1.5) } };

        int received = 0;
        var ex = await Assert.ThrowsAsync<TetherTimeoutException>(async () =>
        {
            await foreach (ChunkEvent _ in pipeline.StreamEventsAsync(request, TestJsonContext.Default.ChunkEvent))
            {
                received++;
            }
        });

        Assert.Equal(1, received);
        Assert.Equal(TetherTimeoutLimit.StreamIdleTimeout, ex.Limit);
        Assert.Equal(TimeSpan.FromSeconds(1.5), ex.Timeout);
        Assert.Contains("1.5 s", ex.Message);
    }

    [Fact]
    public async Task SlowConsumer_DoesNotTripTheIdleTimeout()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            Sse.Begin(context);
            await Sse.WriteAsync(context, """{"delta":"a"}""");
            await Sse.WriteAsync(context, """{"delta":"b"}""");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 0));
        var request = new TetherRequest(HttpMethod.Post, "/chat/completions") { Options = new RequestOptions { Timeout = TimeSpan.FromSeconds(1.5) } };

        var deltas = new List<string?>();
        await foreach (ChunkEvent chunk in pipeline.StreamEventsAsync(request, TestJsonContext.Default.ChunkEvent))
        {
            if (deltas.Count == 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(2)); // longer than the timeout, but it is the consumer's time
            }

            deltas.Add(chunk.Delta);
        }

        Assert.Equal(new[] { "a", "b" }, deltas);
    }

    [Fact]
    public async Task InvalidEventJson_ThrowsSerializationException()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            Sse.Begin(context);
            await Sse.WriteAsync(context, """{"type":"delta","delta":42}""", eventType: "delta");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        var ex = await Assert.ThrowsAsync<TetherSerializationException>(() => Drain(pipeline.StreamEventsAsync(
            new TetherRequest(HttpMethod.Post, "/chat/completions"), TestJsonContext.Default.ChunkEvent)));

        Assert.Equal("$.delta", ex.JsonPath);
        Assert.Equal("req_stream", ex.RequestId);
        Assert.Equal(nameof(ChunkEvent), ex.TargetType);
        Assert.Contains("'delta'", ex.Message);
    }

    [Fact]
    public async Task NonEventStreamResponse_FailsInsteadOfYieldingNothing()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":"chatcmpl-1"}""");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        var ex = await Assert.ThrowsAsync<TetherSerializationException>(() => Drain(pipeline.StreamEventsAsync(
            new TetherRequest(HttpMethod.Post, "/chat/completions"), TestJsonContext.Default.ChunkEvent)));

        Assert.Contains("application/json", ex.Message);
    }

    [Fact]
    public async Task ErrorStatus_BeforeTheStream_IsRetriedThenThrown()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 503;
            await context.Response.WriteAsync("""{"error":{"message":"overloaded"}}""");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 1));

        var ex = await Assert.ThrowsAsync<TetherApiException>(() => Drain(pipeline.StreamEventsAsync(
            new TetherRequest(HttpMethod.Post, "/chat/completions"), TestJsonContext.Default.ChunkEvent)));

        Assert.False(ex.IsStreamError);
        Assert.Equal(2, ex.Attempts);
        Assert.Equal("overloaded", ex.ErrorMessage);
    }

    private static async Task<List<T>> Drain<T>(IAsyncEnumerable<T> events)
    {
        var list = new List<T>();
        await foreach (T item in events)
        {
            list.Add(item);
        }

        return list;
    }
}
