using System;
using System.Text.Json;

namespace Tether;

/// <summary>
/// Reads an error body into an <see cref="ApiError"/>. Error bodies come from the service, but also from gateways,
/// proxies and load balancers, so every shape is tolerated and anything unreadable gives <see langword="null"/>.
/// </summary>
internal static class ApiErrorParser
{
    /// <summary>
    /// Understands <c>{"error":{"message","type","code","param"}}</c> (OpenAI), <c>{"error":"text"}</c>, and the
    /// flat <c>{"type":"error","message","code","param"}</c> of streamed error events.
    /// </summary>
    public static ApiError? Parse(ReadOnlyMemory<byte> utf8Body)
    {
        if (utf8Body.IsEmpty)
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(utf8Body);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("error", out JsonElement error))
            {
                if (error.ValueKind == JsonValueKind.Object)
                {
                    return FromObject(error);
                }

                if (error.ValueKind == JsonValueKind.String)
                {
                    return new ApiError(error.GetString(), Type: null, Code: null, Param: null);
                }
            }

            return FromObject(root);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ApiError? FromObject(JsonElement element)
    {
        string? message = Text(element, "message") ?? Text(element, "detail");
        string? type = Text(element, "type");
        string? code = Text(element, "code");
        string? param = Text(element, "param");
        return message is null && type is null && code is null && param is null
            ? null
            : new ApiError(message, type, code, param);
    }

    private static string? Text(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            // A numeric code or an object-valued param is still worth showing rather than dropping.
            _ => value.GetRawText(),
        };
    }
}
