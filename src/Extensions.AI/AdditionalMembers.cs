using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Tether.Extensions.AI;

/// <summary>
/// <see cref="ChatOptions.AdditionalProperties"/> and <see cref="EmbeddingGenerationOptions.AdditionalProperties"/>
/// as top-level request members, for what MEAI has no option for (<c>service_tier</c>, <c>logit_bias</c>, a
/// vendor's own fields). Values are written with MEAI's JSON settings, as MEAI's own adapters do.
/// </summary>
internal static class AdditionalMembers
{
    public static void Write(JsonObject body, AdditionalPropertiesDictionary? members)
    {
        if (members is null)
        {
            return;
        }

        foreach (var (name, value) in members)
        {
            body.SetIfAbsent(name, () => ToNode(value)!);
        }
    }

    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        string text => JsonValue.Create(text),
        _ => JsonSerializer.SerializeToNode(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(value.GetType())),
    };
}
