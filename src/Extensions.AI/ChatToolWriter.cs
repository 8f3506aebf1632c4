using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Tether.Extensions.AI;

/// <summary>Tools, tool choice and response format in their chat completions form.</summary>
internal static class ChatToolWriter
{
    /// <summary>Function tools; null when there are none (the API rejects an empty list and a tool choice without tools).</summary>
    public static JsonArray? Tools(IList<AITool>? tools)
    {
        if (tools is null)
        {
            return null;
        }

        var wire = new JsonArray();
        foreach (var tool in tools)
        {
            // Hosted tools (web search, code interpreter) belong to the Responses API, not to chat completions.
            if (tool is AIFunctionDeclaration function)
            {
                var definition = new JsonObject
                {
                    ["name"] = function.Name,
                    ["parameters"] = JsonNode.Parse(function.JsonSchema.GetRawText()),
                };
                if (!string.IsNullOrEmpty(function.Description))
                {
                    definition["description"] = function.Description;
                }

                wire.Add((JsonNode)new JsonObject { ["type"] = "function", ["function"] = definition });
            }
        }

        return wire.Count == 0 ? null : wire;
    }

    public static JsonNode ToolChoice(ChatToolMode mode) => mode switch
    {
        NoneChatToolMode => JsonValue.Create("none"),
        RequiredChatToolMode { RequiredFunctionName: { } name } => new JsonObject
        {
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = name },
        },
        RequiredChatToolMode => JsonValue.Create("required"),
        _ => JsonValue.Create("auto"),
    };

    public static JsonNode ResponseFormat(ChatResponseFormat format) => format switch
    {
        ChatResponseFormatJson { Schema: { } schema } json => new JsonObject
        {
            ["type"] = "json_schema",
            ["json_schema"] = JsonSchemaFormat(json, schema),
        },
        ChatResponseFormatJson => new JsonObject { ["type"] = "json_object" },
        _ => new JsonObject { ["type"] = "text" },
    };

    private static JsonObject JsonSchemaFormat(ChatResponseFormatJson json, System.Text.Json.JsonElement schema)
    {
        var format = new JsonObject
        {
            // The API requires a name; MEAI's GetResponseAsync<T> gives one, a hand-made format may not.
            ["name"] = json.SchemaName ?? "response",
            ["schema"] = JsonNode.Parse(schema.GetRawText()),
        };
        if (!string.IsNullOrEmpty(json.SchemaDescription))
        {
            format["description"] = json.SchemaDescription;
        }

        return format;
    }
}
