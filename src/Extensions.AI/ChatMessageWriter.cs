using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Tether.Extensions.AI;

/// <summary>One MEAI <see cref="ChatMessage"/> as chat completions messages (a tool message per function result).</summary>
internal static class ChatMessageWriter
{
    public static void Write(JsonArray wireMessages, ChatMessage message)
    {
        if (message.Role == ChatRole.Tool)
        {
            foreach (var result in message.Contents.OfType<FunctionResultContent>())
            {
                wireMessages.Add((JsonNode)new JsonObject
                {
                    ["role"] = "tool",
                    ["tool_call_id"] = result.CallId,
                    ["content"] = ResultText(result),
                });
            }

            return;
        }

        var wire = new JsonObject { ["role"] = message.Role.Value };
        if (message.Role == ChatRole.Assistant)
        {
            WriteAssistant(wire, message);
        }
        else if (message.Role == ChatRole.User)
        {
            wire["content"] = UserContent(message.Contents);
        }
        else
        {
            wire["content"] = Text(message.Contents);
        }

        if (message.AuthorName is { Length: > 0 } name)
        {
            wire["name"] = name;
        }

        wireMessages.Add((JsonNode)wire);
    }

    private static void WriteAssistant(JsonObject wire, ChatMessage message)
    {
        var toolCalls = new JsonArray();
        foreach (var call in message.Contents.OfType<FunctionCallContent>())
        {
            toolCalls.Add((JsonNode)new JsonObject
            {
                ["id"] = call.CallId,
                ["type"] = "function",
                ["function"] = new JsonObject
                {
                    ["name"] = call.Name,
                    ["arguments"] = Arguments(call.Arguments),
                },
            });
        }

        var text = Text(message.Contents);
        // The API accepts an assistant turn without text only when it carries tool calls.
        wire["content"] = text.Length == 0 && toolCalls.Count > 0 ? null : text;
        if (toolCalls.Count > 0)
        {
            wire["tool_calls"] = toolCalls;
        }
    }

    private static JsonNode UserContent(IList<AIContent> contents)
    {
        if (contents.All(content => content is TextContent))
        {
            return JsonValue.Create(Text(contents));
        }

        var parts = new JsonArray();
        foreach (var content in contents)
        {
            parts.Add(ContentPartWriter.Write(content));
        }

        return parts;
    }

    private static string Text(IList<AIContent> contents)
    {
        var text = new StringBuilder();
        foreach (var content in contents)
        {
            if (content is TextContent { Text: { } part })
            {
                text.Append(part);
            }
        }

        return text.ToString();
    }

    private static string Arguments(IDictionary<string, object?>? arguments)
        => arguments is null
            ? "{}"
            : CompactJson.Serialize(arguments, typeof(IDictionary<string, object?>));

    private static string ResultText(FunctionResultContent result) => result.Result switch
    {
        null => result.Exception is { } exception ? "Error: " + exception.Message : string.Empty,
        string text => text,
        // MEAI's function invocation hands results over serialized; a string result goes to the model unquoted.
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString()!,
        JsonElement element => element.GetRawText(),
        var value => CompactJson.Serialize(value, value.GetType()),
    };
}
