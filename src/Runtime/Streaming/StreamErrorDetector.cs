using System;
using System.Text.Json;

namespace Tether;

/// <summary>
/// Recognises an error reported inside an event stream. OpenAI reports them as <c>event: error</c> (Responses API,
/// flat <c>{"type":"error","message":…}</c>) or as a data payload <c>{"error":{…}}</c> (Chat Completions).
/// </summary>
internal static class StreamErrorDetector
{
    public static bool IsError(string eventType, ReadOnlySpan<byte> data)
    {
        if (eventType == "error")
        {
            return true;
        }

        // Cheap vectorized pre-check: almost no event contains the word, and only those are tokenized.
        if (data.IndexOf("\"error\""u8) < 0)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(data);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            // Only top-level properties count: a nested "error" (e.g. response.failed's response.error) is data.
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isError = reader.ValueTextEquals("error"u8);
                bool isType = reader.ValueTextEquals("type"u8);
                reader.Read();
                if (isError && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.String)
                {
                    return true;
                }

                if (isType && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("error"u8))
                {
                    return true;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON: not an error object; the item parser will report it if it matters.
        }

        return false;
    }
}
