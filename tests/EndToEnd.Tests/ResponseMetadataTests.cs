using System.Net;
using Microsoft.AspNetCore.Http;
using Tether.EndToEnd.Tests.Support;
using Xunit;

namespace Tether.EndToEnd.Tests;

/// <summary>
/// The <c>…WithResponseAsync</c> forms: the parsed value with the status, every header, the request id and OpenAI's
/// rate-limit headers; for streams, all of it before the first event.
/// </summary>
public sealed class ResponseMetadataTests
{
    private const string Completion = """
        {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"Hi!","refusal":null},"logprobs":null,"finish_reason":"stop"}]}
        """;

    [Fact]
    public async Task WithResponse_ReturnsTheValue_TheStatusHeadersRequestIdAndRateLimits()
    {
        await using var server = await FakeOpenAIServer.StartAsync(async (context, _, _) =>
        {
            context.Response.Headers["x-request-id"] = "req_abc123";
            context.Response.Headers["openai-processing-ms"] = "312";
            context.Response.Headers["x-ratelimit-limit-requests"] = "10000";
            context.Response.Headers["x-ratelimit-limit-tokens"] = "30000000";
            context.Response.Headers["x-ratelimit-remaining-requests"] = "9999";
            context.Response.Headers["x-ratelimit-remaining-tokens"] = "29999990";
            context.Response.Headers["x-ratelimit-reset-requests"] = "6ms";
            context.Response.Headers["x-ratelimit-reset-tokens"] = "1m30.5s";
            await FakeOpenAIServer.WriteJsonAsync(context, Completion);
        });
        using var client = TestClients.Create(server);

        var (completion, info) = await client.Chat.CreateChatCompletionWithResponseAsync(Requests.Chat("Hello"));

        Assert.Equal("Hi!", completion.Choices[0].Message.Content);
        Assert.Equal(HttpStatusCode.OK, info.Status);
        Assert.Equal("req_abc123", info.RequestId);
        Assert.Equal("312", info.Header("OpenAI-Processing-Ms"));
        Assert.Contains("application/json", info.Headers["content-type"][0], StringComparison.Ordinal);
        var limits = info.RateLimits!;
        Assert.Equal((10000L, 30000000L, 9999L, 29999990L), (limits.RequestLimit!.Value, limits.TokenLimit!.Value, limits.RemainingRequests!.Value, limits.RemainingTokens!.Value));
        Assert.Equal(TimeSpan.FromMilliseconds(6), limits.RequestsReset);
        Assert.Equal(TimeSpan.FromSeconds(90.5), limits.TokensReset);
    }

    [Fact]
    public async Task WithoutRateLimitHeaders_RateLimitsIsNull_AndNoBodyOperationsGiveTheMetadataToo()
    {
        await using var server = await FakeOpenAIServer.StartAsync(async (context, _, _) =>
        {
            context.Response.Headers["x-request-id"] = "req_del";
            await FakeOpenAIServer.WriteJsonAsync(context, """{"id":"file-1","object":"file","deleted":true}""");
        });
        using var client = TestClients.Create(server);

        var response = await client.Files.DeleteFileWithResponseAsync("file-1");

        Assert.True(response.Value.Deleted);
        Assert.Equal("req_del", response.RequestId);
        Assert.Null(response.RateLimits);
    }

    [Fact]
    public async Task StreamingWithResponse_GivesTheHeadersBeforeTheFirstEvent()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await FakeOpenAIServer.StartAsync(async (context, _, _) =>
        {
            context.Response.Headers["x-request-id"] = "req_stream";
            context.Response.Headers["x-ratelimit-remaining-tokens"] = "42";
            context.Response.ContentType = "text/event-stream";
            await context.Response.StartAsync();
            await context.Response.Body.FlushAsync();
            await release.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await context.Response.WriteAsync(
                "data: {\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n\n" +
                "data: [DONE]\n\n");
        });
        using var client = TestClients.Create(server);

        // The server holds every event back until the headers have been read here.
        await using var response = await client.Chat.CreateChatCompletionStreamingWithResponseAsync(Requests.Chat("Hello"));
        Assert.Equal("req_stream", response.RequestId);
        Assert.Equal(42, response.RateLimits!.RemainingTokens);
        release.SetResult();

        var text = "";
        await foreach (var chunk in response)
        {
            text += chunk.Choices[0].Delta.Content;
        }

        Assert.Equal("Hi", text);
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var chunk in response)
            {
            }
        });
    }
}
