using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Tether.Extensions.AI;

/// <summary>A chat completion (its JSON) as an MEAI <see cref="ChatResponse"/>; the first choice is the answer.</summary>
internal static class ChatResponseReader
{
    public static ChatResponse Read(JsonElement completion, object raw)
    {
        var response = new ChatResponse
        {
            ResponseId = completion.String("id"),
            ModelId = completion.String("model"),
            CreatedAt = completion.UnixTime("created"),
            Usage = completion.TryGetProperty("usage", out var usage) ? UsageReader.Read(usage) : null,
            RawRepresentation = raw,
        };

        if (completion.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
        {
            var choice = choices[0];
            response.FinishReason = FinishReasons.Read(choice);
            if (choice.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object)
            {
                response.Messages = [ReadMessage(message, response.ResponseId)];
            }
        }

        return response;
    }

    private static ChatMessage ReadMessage(JsonElement message, string? responseId)
    {
        var contents = new List<AIContent>();
        if (message.String("content") is { Length: > 0 } text)
        {
            contents.Add(new TextContent(text));
        }

        if (message.TryGetProperty("tool_calls", out var toolCalls) && toolCalls.ValueKind == JsonValueKind.Array)
        {
            foreach (var toolCall in toolCalls.EnumerateArray())
            {
                if (toolCall.TryGetProperty("function", out var function) && function.ValueKind == JsonValueKind.Object)
                {
                    contents.Add(ToolCallArguments.Parse(
                        toolCall.String("id") ?? string.Empty,
                        function.String("name") ?? string.Empty,
                        function.String("arguments")));
                }
            }
        }

        var chatMessage = new ChatMessage(message.String("role") is { Length: > 0 } role ? new ChatRole(role) : ChatRole.Assistant, contents)
        {
            MessageId = responseId,
        };
        if (message.String("refusal") is { Length: > 0 } refusal)
        {
            (chatMessage.AdditionalProperties ??= [])["refusal"] = refusal;
        }

        return chatMessage;
    }
}
