using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Tether.Extensions.AI;

/// <summary>
/// Reads one stream's chunks as <see cref="ChatResponseUpdate"/>s: text deltas as they come, usage when the server
/// sends it, and tool-call fragments gathered by index until the stream ends (<see cref="CompleteToolCalls"/>).
/// </summary>
internal sealed class ChatUpdateReader
{
    private readonly SortedDictionary<long, ToolCallFragments> _toolCalls = [];
    private string? _responseId;
    private string? _modelId;
    private DateTimeOffset? _createdAt;

    public ChatResponseUpdate Read(JsonElement chunk, object raw)
    {
        _responseId = chunk.String("id") ?? _responseId;
        _modelId = chunk.String("model") ?? _modelId;
        _createdAt = chunk.UnixTime("created") ?? _createdAt;
        var update = NewUpdate();
        update.RawRepresentation = raw;

        if (chunk.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
        {
            var choice = choices[0];
            update.FinishReason = FinishReasons.Read(choice);
            if (choice.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object)
            {
                ReadDelta(delta, update);
            }
        }

        if (chunk.TryGetProperty("usage", out var usage) && UsageReader.Read(usage) is { } details)
        {
            update.Contents.Add(new UsageContent(details));
        }

        return update;
    }

    /// <summary>The gathered tool calls as one final update, or null when the stream had none.</summary>
    public ChatResponseUpdate? CompleteToolCalls()
    {
        if (_toolCalls.Count == 0)
        {
            return null;
        }

        var update = NewUpdate();
        update.FinishReason = ChatFinishReason.ToolCalls;
        foreach (var call in _toolCalls.Values)
        {
            update.Contents.Add(ToolCallArguments.Parse(call.Id ?? string.Empty, call.Name ?? string.Empty, call.Arguments.ToString()));
        }

        _toolCalls.Clear();
        return update;
    }

    private ChatResponseUpdate NewUpdate() => new()
    {
        ResponseId = _responseId,
        MessageId = _responseId,
        ModelId = _modelId,
        CreatedAt = _createdAt,
        Role = ChatRole.Assistant,
    };

    private void ReadDelta(JsonElement delta, ChatResponseUpdate update)
    {
        if (delta.String("role") is { Length: > 0 } role)
        {
            update.Role = new ChatRole(role);
        }

        if (delta.String("content") is { Length: > 0 } text)
        {
            update.Contents.Add(new TextContent(text));
        }

        if (delta.String("refusal") is { Length: > 0 } refusal)
        {
            (update.AdditionalProperties ??= [])["refusal"] = refusal;
        }

        if (!delta.TryGetProperty("tool_calls", out var toolCalls) || toolCalls.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var fragment in toolCalls.EnumerateArray())
        {
            var index = fragment.Integer("index") ?? _toolCalls.Count;
            if (!_toolCalls.TryGetValue(index, out var call))
            {
                call = new ToolCallFragments();
                _toolCalls.Add(index, call);
            }

            call.Id ??= fragment.String("id");
            if (fragment.TryGetProperty("function", out var function) && function.ValueKind == JsonValueKind.Object)
            {
                call.Name ??= function.String("name");
                call.Arguments.Append(function.String("arguments"));
            }
        }
    }

    private sealed class ToolCallFragments
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public StringBuilder Arguments { get; } = new();
    }
}
