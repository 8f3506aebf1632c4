using Xunit;
using M = Tether.EndToEnd.Tests.OpenAIClientModels;

namespace Tether.EndToEnd.Tests.Mocking;

/// <summary>
/// How to unit-test code that uses a generated client, without a server or a mocking library: a hand-written
/// subclass of the operation group overrides the one method the code calls, and a subclass of the client hands it
/// out. (The README shows the same.)
/// </summary>
public sealed class FakeChatSampleTests
{
    /// <summary>The code under test: an application service that asks the model for a title.</summary>
    private sealed class TitleService(OpenAIClient client)
    {
        public async Task<string> SuggestTitleAsync(string text, CancellationToken cancellationToken = default)
        {
            var completion = await client.Chat.CreateChatCompletionAsync(new M.CreateChatCompletionRequest
            {
                Model = "gpt-4.1-mini",
                Messages = [new M.ChatCompletionRequestUserMessage { Content = "A title for: " + text }],
            }, cancellationToken: cancellationToken);
            return completion.Choices[0].Message.Content ?? "(untitled)";
        }
    }

    /// <summary>The test double: answers every chat completion with a canned reply and remembers the requests.</summary>
    private sealed class FakeChat : OpenAIClient.ChatOperations
    {
        public List<M.CreateChatCompletionRequest> Requests { get; } = [];

        public override Task<M.CreateChatCompletionResponse> CreateChatCompletionAsync(
            M.CreateChatCompletionRequest body, RequestOptions? options = null, CancellationToken cancellationToken = default)
        {
            Requests.Add(body);
            return Task.FromResult(new M.CreateChatCompletionResponse
            {
                Id = "chatcmpl-fake",
                Object = "chat.completion",
                Created = DateTimeOffset.UnixEpoch,
                Model = "gpt-4.1-mini-2025-04-14",
                Choices = [new()
                {
                    Index = 0,
                    FinishReason = "stop",
                    Logprobs = null,
                    Message = new M.ChatCompletionResponseMessage { Role = "assistant", Content = "Keepalive, explained", Refusal = null },
                }],
            });
        }
    }

    private sealed class FakeClient(FakeChat chat) : OpenAIClient(new OpenAIClientOptions { ApiKey = "unused" })
    {
        public override ChatOperations Chat => chat;
    }

    [Fact]
    public async Task TheServiceUsesTheFakedCompletion_NoServerNeeded()
    {
        var chat = new FakeChat();
        using var client = new FakeClient(chat);

        var title = await new TitleService(client).SuggestTitleAsync("why long LLM calls hang behind NAT");

        Assert.Equal("Keepalive, explained", title);
        var request = Assert.Single(chat.Requests);
        Assert.Equal("A title for: why long LLM calls hang behind NAT", request.Messages[0].AsChatCompletionRequestUserMessage().Content.AsString());
    }

    [Fact]
    public async Task AMethodTheDoubleDoesNotOverride_SaysSo()
    {
        var chat = new FakeChat();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => chat.CreateChatCompletionWithResponseAsync(new M.CreateChatCompletionRequest
        {
            Model = "gpt-4.1-mini",
            Messages = [new M.ChatCompletionRequestUserMessage { Content = "Hi" }],
        }));

        Assert.Contains("test double", error.Message, StringComparison.Ordinal);
    }
}
