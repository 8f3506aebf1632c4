using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Tether.EndToEnd.Tests.Support;
using Xunit;

namespace Tether.EndToEnd.Tests;

/// <summary>Retries, timeouts, cancellation and typed errors, as the generated client surfaces them.</summary>
public sealed class ResilienceTests
{
    private const string Completion = """
        {"id":"chatcmpl-ok","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"ok","refusal":null},"logprobs":null,"finish_reason":"stop"}]}
        """;

    private const string RateLimited = """{"error":{"message":"Rate limit reached for gpt-4o-mini.","type":"requests","param":null,"code":"rate_limit_exceeded"}}""";

    [Fact]
    public async Task RateLimitWithRetryAfter_IsRetriedAfterTheServersDelay()
    {
        await using var server = await FakeOpenAIServer.StartAsync(async (context, _, number) =>
        {
            if (number == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                await FakeOpenAIServer.WriteJsonAsync(context, RateLimited, StatusCodes.Status429TooManyRequests);
                return;
            }

            await FakeOpenAIServer.WriteJsonAsync(context, Completion);
        });
        using var client = TestClients.Create(server);

        var elapsed = Stopwatch.StartNew();
        var completion = await client.Chat.CreateChatCompletionAsync(Requests.Chat("Hello"));
        elapsed.Stop();

        Assert.Equal("chatcmpl-ok", completion.Id);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(server.Requests[0].BodyText, server.Requests[1].BodyText); // the same body, sent again
        Assert.True(elapsed.Elapsed >= TimeSpan.FromSeconds(0.9), $"Retry-After: 1 was not honoured ({elapsed.Elapsed})");
    }

    [Fact]
    public async Task ServerErrorThatPersists_ExhaustsTheDefaultRetriesAndThrowsTheTypedError()
    {
        await using var server = await FakeOpenAIServer.StartAsync(async (context, _, _) =>
        {
            context.Response.Headers["x-request-id"] = "req_500";
            await FakeOpenAIServer.WriteJsonAsync(
                context, """{"error":{"message":"The server had an error.","type":"server_error","param":null,"code":null}}""", StatusCodes.Status500InternalServerError);
        });
        // Default retry count (2); shorter delays keep the test quick.
        using var client = TestClients.Create(server, options => options.InitialRetryDelay = TimeSpan.FromMilliseconds(20));

        var error = await Assert.ThrowsAsync<TetherApiException>(() => client.Chat.CreateChatCompletionAsync(Requests.Chat("Hello")));

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("The server had an error.", error.ErrorMessage);
        Assert.Equal("server_error", error.ErrorType);
        Assert.Equal("req_500", error.RequestId);
        Assert.Equal(3, error.Attempts);
        Assert.DoesNotContain(TestClients.ApiKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowServer_HitsThePerAttemptTimeout_WithATypedExceptionNamingTheLimit()
    {
        await using var server = await FakeOpenAIServer.StartAsync(async (context, _, _) =>
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted));
        using var client = TestClients.Create(server, options =>
        {
            options.Timeout = TimeSpan.FromSeconds(1);
            options.MaxRetries = 0;
        });

        var error = await Assert.ThrowsAsync<TetherTimeoutException>(() => client.Chat.CreateChatCompletionAsync(Requests.Chat("Hello")));

        Assert.Equal(TetherTimeoutLimit.AttemptTimeout, error.Limit);
        Assert.Equal(TimeSpan.FromSeconds(1), error.Timeout);
        Assert.Contains("per-attempt timeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("TetherClientOptions.Timeout", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
        Assert.DoesNotContain(TestClients.ApiKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PerCallTimeout_OverridesTheClients()
    {
        await using var server = await FakeOpenAIServer.StartAsync(async (context, _, _) =>
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted));
        using var client = TestClients.Create(server); // the default: 10 minutes

        var error = await Assert.ThrowsAsync<TetherTimeoutException>(() => client.Chat.CreateChatCompletionAsync(
            Requests.Chat("Hello"),
            new RequestOptions { Timeout = TimeSpan.FromMilliseconds(500), MaxRetries = 0 }));

        Assert.Equal(TimeSpan.FromMilliseconds(500), error.Timeout);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task CancellingMidStream_StopsTheEnumerationAndReleasesTheConnection()
    {
        var firstEventSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await FakeOpenAIServer.StartAsync(async (context, _, _) =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync(
                """data: {"id":"c","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{"content":"first"},"finish_reason":null}]}""" + "\n\n",
                context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            firstEventSent.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
        });
        using var client = TestClients.Create(server);
        using var cancellation = new CancellationTokenSource();

        var received = new List<string?>();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chunk in client.Chat.CreateChatCompletionStreamingAsync(Requests.Chat("Hello"), cancellationToken: cancellation.Token))
            {
                received.Add(chunk.Choices[0].Delta.Content);
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal(["first"], received);
        Assert.Equal(cancellation.Token, error.CancellationToken);
        // The server sees the client go away: the connection was released, not left hanging.
        Assert.Same(server.RequestAborted.Task, await Task.WhenAny(server.RequestAborted.Task, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task TokenGivenToWithCancellation_AlsoCancelsTheStream()
    {
        await using var server = await FakeOpenAIServer.StartAsync(async (context, _, _) =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync(
                """data: {"id":"c","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{"content":"first"},"finish_reason":null}]}""" + "\n\n",
                context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
        });
        using var client = TestClients.Create(server);
        using var cancellation = new CancellationTokenSource();

        var received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chunk in client.Chat.CreateChatCompletionStreamingAsync(Requests.Chat("Hello")).WithCancellation(cancellation.Token))
            {
                received++;
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal(1, received);
        Assert.Same(server.RequestAborted.Task, await Task.WhenAny(server.RequestAborted.Task, Task.Delay(TimeSpan.FromSeconds(10))));
    }

    [Fact]
    public async Task ErrorEventMidStream_SurfacesAsATypedException()
    {
        await using var server = await FakeOpenAIServer.StartAsync((context, _, _) => FakeOpenAIServer.WriteEventsAsync(context,
        [
            """{"id":"c","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{"content":"par"},"finish_reason":null}]}""",
            """{"error":{"message":"The model overloaded mid-stream.","type":"server_error","param":null,"code":null}}""",
        ]));
        using var client = TestClients.Create(server);

        var received = new List<string?>();
        var error = await Assert.ThrowsAsync<TetherApiException>(async () =>
        {
            await foreach (var chunk in client.Chat.CreateChatCompletionStreamingAsync(Requests.Chat("Hello")))
            {
                received.Add(chunk.Choices[0].Delta.Content);
            }
        });

        Assert.Equal(["par"], received);
        Assert.True(error.IsStreamError);
        Assert.Equal("The model overloaded mid-stream.", error.ErrorMessage);
    }
}
