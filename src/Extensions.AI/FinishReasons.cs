using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Tether.Extensions.AI;

/// <summary>A choice's <c>finish_reason</c> as a <see cref="ChatFinishReason"/> (unknown values kept as they are).</summary>
internal static class FinishReasons
{
    public static ChatFinishReason? Read(JsonElement choice) => choice.String("finish_reason") switch
    {
        null => null,
        "stop" => ChatFinishReason.Stop,
        "length" => ChatFinishReason.Length,
        "tool_calls" or "function_call" => ChatFinishReason.ToolCalls,
        "content_filter" => ChatFinishReason.ContentFilter,
        var other => new ChatFinishReason(other),
    };
}
