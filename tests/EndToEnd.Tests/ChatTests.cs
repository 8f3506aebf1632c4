using System.Text.Json;
using Tether.EndToEnd.Tests.Support;
using Xunit;
using M = Tether.EndToEnd.Tests.OpenAIClientModels;

namespace Tether.EndToEnd.Tests;

/// <summary>Chat completions through the generated client, plain and streamed, against the fake server.</summary>
public sealed class ChatTests
{
    private const string Completion = """
        {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini-2024-07-18",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Hi there!","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],
         "usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12},"service_tier":"default","system_fingerprint":"fp_1"}
        """;

    [Fact]
    public async Task PlainCompletion_SendsExactlyTheSetPropertiesAndReadsTheReply()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Completion);
        using var client = TestClients.Create(server);

        var completion = await client.Chat.CreateChatCompletionAsync(Requests.Chat("Hello"));

        Assert.Equal("chatcmpl-1", completion.Id);
        Assert.Equal("Hi there!", completion.Choices[0].Message.Content);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), completion.Created);
        Assert.Equal(12, completion.Usage!.TotalTokens);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/chat/completions"), (request.Method, request.RawTarget));
        Assert.Equal("Bearer " + TestClients.ApiKey, request.Header("Authorization"));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        // The exact JSON: unset optional properties are absent (no "temperature": null and the like).
        JsonAssert.Equal("""{"messages":[{"role":"user","content":"Hello"}],"model":"gpt-4o-mini"}""", request.BodyText);
    }

    [Fact]
    public async Task StreamedCompletion_YieldsTypedChunksAndSendsStreamTrue()
    {
        string[] chunks =
        [
            """{"id":"chatcmpl-2","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}""",
            """{"id":"chatcmpl-2","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]}""",
            """{"id":"chatcmpl-2","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"lo!"},"finish_reason":null}]}""",
            """{"id":"chatcmpl-2","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""",
        ];
        await using var server = await FakeOpenAIServer.StartAsync((context, _, _) => FakeOpenAIServer.WriteEventsAsync(context, chunks));
        using var client = TestClients.Create(server);
        var body = Requests.Chat("Hello");

        var text = "";
        var count = 0;
        await foreach (var chunk in client.Chat.CreateChatCompletionStreamingAsync(body))
        {
            count++;
            text += chunk.Choices[0].Delta.Content;
        }

        Assert.Equal(4, count);
        Assert.Equal("Hello!", text);
        Assert.Null(body.Stream); // the caller's object is not changed
        var request = Assert.Single(server.Requests);
        Assert.Equal("text/event-stream", request.Header("Accept"));
        JsonAssert.Equal("""{"messages":[{"role":"user","content":"Hello"}],"model":"gpt-4o-mini","stream":true}""", request.BodyText);
    }

    [Fact]
    public async Task PlainMethodRefusesABodyThatAsksForAStream()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Completion);
        using var client = TestClients.Create(server);
        var body = Requests.Chat("Hello");
        body.Stream = true;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Chat.CreateChatCompletionAsync(body));

        Assert.Contains(nameof(client.Chat.CreateChatCompletionStreamingAsync), error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
