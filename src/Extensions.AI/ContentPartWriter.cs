using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Tether.Extensions.AI;

/// <summary>
/// One piece of a user message as a chat completions content part: text, an image (by URI or as data), audio
/// (wav, mp3) or a file (PDF data, or an uploaded file's id). Content the format cannot carry is an error, not
/// dropped: the model would answer a question it was never shown.
/// </summary>
internal static class ContentPartWriter
{
    public static JsonNode Write(AIContent content) => content switch
    {
        TextContent text => new JsonObject { ["type"] = "text", ["text"] = text.Text },
        UriContent uri when uri.HasTopLevelMediaType("image") => Image(uri.Uri.ToString(), uri),
        DataContent data when data.HasTopLevelMediaType("image") => Image(data.Uri, data),
        DataContent data when AudioFormat(data.MediaType) is { } format => new JsonObject
        {
            ["type"] = "input_audio",
            ["input_audio"] = new JsonObject { ["data"] = data.Base64Data.ToString(), ["format"] = format },
        },
        DataContent data => new JsonObject
        {
            ["type"] = "file",
            ["file"] = new JsonObject { ["filename"] = data.Name ?? "file", ["file_data"] = data.Uri },
        },
        HostedFileContent file => new JsonObject
        {
            ["type"] = "file",
            ["file"] = new JsonObject { ["file_id"] = file.FileId },
        },
        _ => throw new NotSupportedException(
            $"A user message's {content.GetType().Name} has no chat completions form (text, image, wav/mp3 audio, file)."),
    };

    private static JsonObject Image(string url, AIContent content)
    {
        var image = new JsonObject { ["url"] = url };
        // OpenAI's low/high/auto; MEAI has no option for it, so it rides in the content's additional properties.
        if (content.AdditionalProperties?.TryGetValue("detail", out var detail) == true && detail is not null)
        {
            image["detail"] = detail.ToString();
        }

        return new JsonObject { ["type"] = "image_url", ["image_url"] = image };
    }

    private static string? AudioFormat(string mediaType) => mediaType.ToLowerInvariant() switch
    {
        "audio/wav" or "audio/x-wav" or "audio/wave" => "wav",
        "audio/mpeg" or "audio/mp3" => "mp3",
        _ => null,
    };
}
