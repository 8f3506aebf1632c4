using System.Collections;
using System.Reflection;

namespace Tether.Generator.Tests.Emitting;

/// <summary>
/// Response bodies shaped like what the OpenAI API returns today (chat completion, a Responses API object with
/// reasoning, message and function-call items, and an embedding list), for round trips through the generated models.
/// </summary>
internal static class RealPayloads
{
    private const string ChatCompletion = """
        {"id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG", "object": "chat.completion", "created": 1741570283,
         "model": "gpt-4o-2024-08-06",
         "choices": [{"index": 0, "message": {"role": "assistant", "content": "The image shows a wooden boardwalk.", "refusal": null, "annotations": []},
                      "logprobs": null, "finish_reason": "stop"}],
         "usage": {"prompt_tokens": 1117, "completion_tokens": 46, "total_tokens": 1163,
                   "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                   "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}},
         "service_tier": "default", "system_fingerprint": "fp_fc9f1d7035"}
        """;

    private const string ToolCallCompletion = """
        {"id": "chatcmpl-abc123", "object": "chat.completion", "created": 1699896916, "model": "gpt-4o-mini",
         "choices": [{"index": 0, "message": {"role": "assistant", "content": null,
           "tool_calls": [{"id": "call_abc123", "type": "function", "function": {"name": "get_current_weather", "arguments": "{\"location\": \"Boston, MA\"}"}}]},
           "logprobs": null, "finish_reason": "tool_calls"}],
         "usage": {"prompt_tokens": 82, "completion_tokens": 17, "total_tokens": 99}}
        """;

    private const string Response = """
        {"id": "resp_67ccd3a9da748190baa7f1570fe91ac604becb25c45c1d41", "object": "response", "created_at": 1741476777,
         "status": "completed", "error": null, "incomplete_details": null, "instructions": null, "max_output_tokens": null,
         "model": "gpt-4o-2024-08-06",
         "output": [
           {"type": "reasoning", "id": "rs_1", "summary": [{"type": "summary_text", "text": "Thinking."}]},
           {"type": "message", "id": "msg_1", "status": "completed", "role": "assistant",
            "content": [{"type": "output_text", "text": "The image depicts a scenic landscape.", "annotations": []}]},
           {"type": "function_call", "id": "fc_1", "call_id": "call_1", "name": "get_weather", "arguments": "{\"city\":\"Paris\"}", "status": "completed"},
           {"type": "web_search_call", "id": "ws_1", "status": "completed"}],
         "parallel_tool_calls": true, "previous_response_id": null,
         "reasoning": {"effort": null, "summary": null}, "store": true, "temperature": 1.0,
         "text": {"format": {"type": "text"}}, "tool_choice": "auto", "tools": [], "top_p": 1.0, "truncation": "disabled",
         "usage": {"input_tokens": 328, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 52,
                   "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 380},
         "user": null, "metadata": {}}
        """;

    private const string Embeddings = """
        {"object": "list", "data": [{"object": "embedding", "embedding": [0.0023064255, -0.009327292, -0.0028842222], "index": 0}],
         "model": "text-embedding-3-small", "usage": {"prompt_tokens": 8, "total_tokens": 8}}
        """;

    public static IEnumerable<(string TypeName, string Json)> For(string specFile)
    {
        yield return ("CreateChatCompletionResponse", ChatCompletion);
        yield return ("CreateChatCompletionResponse", ToolCallCompletion);
        yield return ("CreateEmbeddingResponse", Embeddings);
        if (specFile == "openai.yaml")
        {
            yield return ("Response", Response);
        }
    }

    /// <summary>The Responses API object with one more output item, of a type the spec does not know.</summary>
    public static (string TypeName, string Json)? WithFutureOutputItem(string specFile) => specFile == "openai.yaml"
        ? ("Response", Response.Replace(
            "{\"type\": \"web_search_call\", \"id\": \"ws_1\", \"status\": \"completed\"}",
            "{\"type\": \"web_search_call\", \"id\": \"ws_1\", \"status\": \"completed\"}, {\"type\": \"hologram\", \"id\": \"h_1\", \"frames\": [1, 2]}",
            StringComparison.Ordinal))
        : null;

    /// <summary>Paths of generated unions in the object graph that matched none of their variants.</summary>
    public static List<string> UnrecognizedUnions(object root)
    {
        var found = new List<string>();
        Walk(root, "$", found, depth: 0);
        return found;
    }

    private static void Walk(object? value, string path, List<string> found, int depth)
    {
        if (value is null || depth > 32 || value is string || value.GetType().IsPrimitive || value.GetType().Assembly == typeof(object).Assembly && value is not IEnumerable)
        {
            return;
        }

        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                Walk(entry.Value, $"{path}.{entry.Key}", found, depth + 1);
            }

            return;
        }

        if (value is IList list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                Walk(list[i], $"{path}[{i}]", found, depth + 1);
            }

            return;
        }

        var type = value.GetType();
        if (type.Namespace?.EndsWith("Models", StringComparison.Ordinal) != true)
        {
            return;
        }

        if (type.GetProperty("IsUnrecognized") is { } isUnrecognized)
        {
            if ((bool)isUnrecognized.GetValue(value)!)
            {
                found.Add(path);
                return;
            }

            Walk(type.GetProperty("Value")!.GetValue(value), path, found, depth + 1);
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != "AdditionalProperties")
            {
                Walk(property.GetValue(value), $"{path}.{property.Name}", found, depth + 1);
            }
        }
    }
}
