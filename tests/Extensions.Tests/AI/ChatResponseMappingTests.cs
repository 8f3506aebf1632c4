using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Xunit;

namespace Tether.Extensions.Tests.AI;

/// <summary>A chat completion → MEAI's <see cref="ChatResponse"/>, and what the adapter reports about itself.</summary>
public sealed class ChatResponseMappingTests
{
    private static JsonObject Completion(string message, string finishReason = "stop") => JsonNode.Parse(
        $$"""
        {
          "id": "chatcmpl-1", "object": "chat.completion", "created": 1700000000, "model": "gpt-4o-2024",
          "choices": [ { "index": 0, "finish_reason": "{{finishReason}}", "message": {{message}} } ],
          "usage": {
            "prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18,
            "prompt_tokens_details": { "cached_tokens": 3, "audio_tokens": 1 },
            "completion_tokens_details": { "reasoning_tokens": 5, "accepted_prediction_tokens": 2 }
          }
        }
        """)!.AsObject();

    [Fact]
    public async Task Text_ids_time_finish_reason_and_every_usage_count_are_read()
    {
        var fake = new FakeChatCompletions { Response = Completion("""{ "role": "assistant", "content": "Hello there." }""") };

        var response = await fake.ChatClient().GetResponseAsync("Hi");

        Assert.Equal("Hello there.", response.Text);
        Assert.Equal("chatcmpl-1", response.ResponseId);
        Assert.Equal("gpt-4o-2024", response.ModelId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), response.CreatedAt);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(ChatRole.Assistant, Assert.Single(response.Messages).Role);
        Assert.Same(fake.Response, response.RawRepresentation);
        var usage = response.Usage!;
        Assert.Equal((11, 7, 18, 3, 5), (usage.InputTokenCount, usage.OutputTokenCount, usage.TotalTokenCount, usage.CachedInputTokenCount, usage.ReasoningTokenCount));
        Assert.Equal(1, usage.AdditionalCounts!["prompt_tokens_details.audio_tokens"]);
        Assert.Equal(2, usage.AdditionalCounts!["completion_tokens_details.accepted_prediction_tokens"]);
    }

    [Fact]
    public async Task Tool_calls_are_function_calls_with_parsed_arguments()
    {
        var fake = new FakeChatCompletions
        {
            Response = Completion(
                """
                { "role": "assistant", "content": null, "tool_calls": [
                  { "id": "call_1", "type": "function", "function": { "name": "get_weather", "arguments": "{\"city\":\"Paris\",\"days\":3}" } },
                  { "id": "call_2", "type": "function", "function": { "name": "broken", "arguments": "not json" } } ] }
                """,
                "tool_calls"),
        };

        var response = await fake.ChatClient().GetResponseAsync("Weather?");

        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        var calls = response.Messages.Single().Contents.OfType<FunctionCallContent>().ToList();
        Assert.Equal(2, calls.Count);
        Assert.Equal(("call_1", "get_weather"), (calls[0].CallId, calls[0].Name));
        Assert.Equal("Paris", ((JsonElement)calls[0].Arguments!["city"]!).GetString());
        Assert.Equal(3, ((JsonElement)calls[0].Arguments!["days"]!).GetInt32());
        Assert.Null(calls[0].Exception);
        // Bad arguments are reported on the call (MEAI's function invocation tells the model), not thrown.
        Assert.NotNull(calls[1].Exception);
    }

    [Theory]
    [InlineData("length", "length")]
    [InlineData("content_filter", "content_filter")]
    [InlineData("function_call", "tool_calls")]
    [InlineData("something_new", "something_new")]
    public async Task Finish_reasons_map_and_unknown_ones_are_kept(string wire, string expected)
    {
        var fake = new FakeChatCompletions { Response = Completion("""{ "role": "assistant", "content": "x" }""", wire) };

        var response = await fake.ChatClient().GetResponseAsync("x");

        Assert.Equal(expected, response.FinishReason!.Value.Value);
    }

    [Fact]
    public async Task A_refusal_is_kept_on_the_message()
    {
        var fake = new FakeChatCompletions { Response = Completion("""{ "role": "assistant", "content": null, "refusal": "I can't help with that." }""") };

        var response = await fake.ChatClient().GetResponseAsync("x");

        Assert.Equal("I can't help with that.", response.Messages.Single().AdditionalProperties!["refusal"]);
        Assert.Equal(string.Empty, response.Text);
    }

    [Fact]
    public void Metadata_and_services_name_the_client_the_model_and_the_base_address()
    {
        var fake = new FakeChatCompletions();
        using var chat = fake.ChatClient("gpt-4o");

        var metadata = chat.GetService<ChatClientMetadata>()!;

        Assert.Equal(("openai", FakeChatCompletions.BaseAddress, "gpt-4o"), (metadata.ProviderName, metadata.ProviderUri, metadata.DefaultModelId));
        Assert.Same(fake, chat.GetService(typeof(FakeChatCompletions)));
        Assert.Same(chat, chat.GetService<IChatClient>());
        Assert.Null(chat.GetService(typeof(FakeChatCompletions), serviceKey: "keyed"));
        Assert.Null(chat.GetService(typeof(string)));
    }
}
