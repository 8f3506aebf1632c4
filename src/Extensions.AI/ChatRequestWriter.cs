using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Tether.Extensions.AI;

/// <summary>
/// Writes a chat completions request body from MEAI messages and options. Members already in the body (from
/// <see cref="ChatOptions.RawRepresentationFactory"/>) are kept: the caller's own request wins over the options.
/// </summary>
internal static class ChatRequestWriter
{
    public static void Write(JsonObject body, IEnumerable<ChatMessage> messages, ChatOptions? options, string defaultModel, bool stream)
    {
        var wireMessages = body["messages"] as JsonArray ?? new JsonArray();
        body["messages"] = wireMessages;
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            wireMessages.Add((JsonNode)new JsonObject { ["role"] = "system", ["content"] = instructions });
        }

        foreach (var message in messages)
        {
            ChatMessageWriter.Write(wireMessages, message);
        }

        body.SetIfAbsent("model", options?.ModelId ?? defaultModel);
        if (stream)
        {
            // Without it the server sends no usage in a stream.
            body.SetIfAbsent("stream_options", () => new JsonObject { ["include_usage"] = true });
        }

        if (options is null)
        {
            return;
        }

        body.SetIfAbsent("temperature", options.Temperature);
        body.SetIfAbsent("top_p", options.TopP);
        body.SetIfAbsent("max_completion_tokens", options.MaxOutputTokens);
        body.SetIfAbsent("frequency_penalty", options.FrequencyPenalty);
        body.SetIfAbsent("presence_penalty", options.PresencePenalty);
        body.SetIfAbsent("seed", options.Seed);
        body.SetIfAbsent("parallel_tool_calls", options.AllowMultipleToolCalls);
        if (options.StopSequences is { Count: > 0 } stops)
        {
            body.SetIfAbsent("stop", () => new JsonArray(stops.Select(stop => (JsonNode?)JsonValue.Create(stop)).ToArray()));
        }

        if (options.Reasoning?.Effort is { } effort)
        {
            body.SetIfAbsent("reasoning_effort", ReasoningEfforts.ToWire(effort));
        }

        if (options.ResponseFormat is { } format)
        {
            body.SetIfAbsent("response_format", () => ChatToolWriter.ResponseFormat(format));
        }

        if (ChatToolWriter.Tools(options.Tools) is { } tools)
        {
            body.SetIfAbsent("tools", () => tools);
            if (options.ToolMode is { } mode)
            {
                body.SetIfAbsent("tool_choice", () => ChatToolWriter.ToolChoice(mode));
            }
        }

        AdditionalMembers.Write(body, options.AdditionalProperties);
    }
}
