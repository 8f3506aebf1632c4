using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Xunit;

namespace Tether.Extensions.Tests.AI;

/// <summary>Streamed chunks → <see cref="ChatResponseUpdate"/>s: text as it comes, tool calls whole at the end, usage.</summary>
public sealed class ChatStreamingMappingTests
{
    private static JsonObject Chunk(string delta, string? finishReason = null, string? usage = null) => JsonNode.Parse(
        $$"""
        {
          "id": "chatcmpl-9", "object": "chat.completion.chunk", "created": 1700000001, "model": "gpt-4o-2024",
          "choices": {{(delta.Length == 0 ? "[]" : $$"""[ { "index": 0, "delta": {{delta}}, "finish_reason": {{(finishReason is null ? "null" : $"\"{finishReason}\"")}} } ]""")}}
          {{(usage is null ? string.Empty : ", \"usage\": " + usage)}}
        }
        """)!.AsObject();

    [Fact]
    public async Task Text_deltas_arrive_as_updates_and_usage_as_usage_content()
    {
        var fake = new FakeChatCompletions();
        fake.Chunks.AddRange(
        [
            Chunk("""{ "role": "assistant", "content": "" }"""),
            Chunk("""{ "content": "Hel" }"""),
            Chunk("""{ "content": "lo" }"""),
            Chunk("{}", "stop"),
            Chunk(string.Empty, usage: """{ "prompt_tokens": 4, "completion_tokens": 2, "total_tokens": 6 }"""),
        ]);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in fake.ChatClient().GetStreamingResponseAsync("Hi"))
        {
            updates.Add(update);
        }

        Assert.Equal(5, updates.Count);
        Assert.Equal("Hello", string.Concat(updates.Select(u => u.Text)));
        Assert.All(updates, u => Assert.Equal(("chatcmpl-9", "gpt-4o-2024", ChatRole.Assistant), (u.ResponseId, u.ModelId, u.Role!.Value)));
        Assert.Equal(ChatFinishReason.Stop, updates[3].FinishReason);
        Assert.Same(fake.Chunks[1], updates[1].RawRepresentation);
        var response = updates.ToChatResponse();
        Assert.Equal("Hello", response.Text);
        Assert.Equal((4L, 2L, 6L), (response.Usage!.InputTokenCount!.Value, response.Usage.OutputTokenCount!.Value, response.Usage.TotalTokenCount!.Value));
    }

    [Fact]
    public async Task Tool_call_fragments_are_assembled_by_index_into_whole_function_calls()
    {
        var fake = new FakeChatCompletions();
        fake.Chunks.AddRange(
        [
            Chunk("""{ "role": "assistant", "tool_calls": [ { "index": 0, "id": "call_a", "type": "function", "function": { "name": "get_weather", "arguments": "" } } ] }"""),
            Chunk("""{ "tool_calls": [ { "index": 1, "id": "call_b", "type": "function", "function": { "name": "get_time", "arguments": "{\"tz\":" } } ] }"""),
            Chunk("""{ "tool_calls": [ { "index": 0, "function": { "arguments": "{\"city\":" } } ] }"""),
            Chunk("""{ "tool_calls": [ { "index": 0, "function": { "arguments": "\"Paris\"}" } } ] }"""),
            Chunk("""{ "tool_calls": [ { "index": 1, "function": { "arguments": "\"CET\"}" } } ] }"""),
            Chunk("{}", "tool_calls"),
        ]);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in fake.ChatClient().GetStreamingResponseAsync("Weather and time?"))
        {
            updates.Add(update);
        }

        // No partial call is visible before the last update, which holds both, in index order.
        Assert.All(updates.SkipLast(1), u => Assert.Empty(u.Contents.OfType<FunctionCallContent>()));
        var calls = updates[^1].Contents.OfType<FunctionCallContent>().ToList();
        Assert.Equal([("call_a", "get_weather"), ("call_b", "get_time")], calls.Select(c => (c.CallId, c.Name)));
        Assert.Equal("Paris", ((JsonElement)calls[0].Arguments!["city"]!).GetString());
        Assert.Equal("CET", ((JsonElement)calls[1].Arguments!["tz"]!).GetString());
        Assert.Equal(ChatFinishReason.ToolCalls, updates[^1].FinishReason);
    }

    [Fact]
    public async Task Cancelling_stops_the_stream()
    {
        var fake = new FakeChatCompletions();
        fake.Chunks.AddRange([Chunk("""{ "content": "a" }"""), Chunk("""{ "content": "b" }""")]);
        using var cancellation = new CancellationTokenSource();

        var read = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in fake.ChatClient().GetStreamingResponseAsync("x", cancellationToken: cancellation.Token))
            {
                read++;
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal(1, read);
    }
}
