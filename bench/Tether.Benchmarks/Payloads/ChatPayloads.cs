using System;
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Tether.Benchmarks.Payloads;

/// <summary>
/// The chat completion traffic every client sees: one request shape, a ~2 KB answer and a 500-chunk stream, built
/// field by field the way the API sends them (not copied from anywhere), deterministic so that client and server
/// processes build the same bytes.
/// </summary>
internal static class ChatPayloads
{
    public const string Model = "gpt-4o-mini";
    public const string ResolvedModel = "gpt-4o-mini-2024-07-18";
    public const string ApiKey = "sk-bench-0000000000000000000000000000000000000000";
    public const double Temperature = 0.7;
    public const int MaxCompletionTokens = 512;
    public const int StreamChunkCount = 500;

    public const string SystemPrompt =
        "You are a concise assistant for network engineers. Answer in plain prose, without lists or headings.";

    public const string UserPrompt =
        "Why do long-running HTTPS requests from a container sometimes hang forever behind a cloud NAT gateway, " +
        "and what should a client library do about it?";

    private const long Created = 1_753_000_000;
    private const string SystemFingerprint = "fp_34a54ae93c";

    /// <summary>The answer's text, about 1.4 KB, so the whole response body is about 2 KB.</summary>
    public static string AnswerText { get; } = new ProseGenerator(seed: 17).Text(1_400);

    /// <summary>The streamed answer's tokens, one per content chunk.</summary>
    public static string[] StreamTokens { get; } = CreateStreamTokens();

    /// <summary>The streamed answer as a client reassembles it.</summary>
    public static string StreamedText { get; } = string.Concat(StreamTokens);

    /// <summary>The request body as a hand-written client would send it (the raw HttpClient floor posts this).</summary>
    public static string RequestJson { get; } = CreateRequestJson(stream: false);

    /// <summary>The same request asking for a stream.</summary>
    public static string StreamingRequestJson { get; } = CreateRequestJson(stream: true);

    public static byte[] CompletionResponse { get; } = CreateCompletionResponse();

    /// <summary>The whole <c>text/event-stream</c> body: 500 <c>chat.completion.chunk</c> events, then <c>[DONE]</c>.</summary>
    public static byte[] StreamResponse { get; } = CreateStreamResponse();

    private static string[] CreateStreamTokens()
    {
        // The first chunk carries the role and the last the finish reason; the 498 between carry one token each.
        var prose = new ProseGenerator(seed: 23);
        var tokens = new string[StreamChunkCount - 2];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = prose.Token();
        }

        return tokens;
    }

    private static string CreateRequestJson(bool stream)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WireJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("model", Model);
            writer.WriteStartArray("messages");
            WriteMessage(writer, "system", SystemPrompt);
            WriteMessage(writer, "user", UserPrompt);
            writer.WriteEndArray();
            writer.WriteNumber("temperature", Temperature);
            writer.WriteNumber("max_completion_tokens", MaxCompletionTokens);
            if (stream)
            {
                writer.WriteBoolean("stream", true);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteMessage(Utf8JsonWriter writer, string role, string content)
    {
        writer.WriteStartObject();
        writer.WriteString("role", role);
        writer.WriteString("content", content);
        writer.WriteEndObject();
    }

    private static byte[] CreateCompletionResponse()
    {
        var buffer = new ArrayBufferWriter<byte>(2_048);
        using (var writer = new Utf8JsonWriter(buffer, WireJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", "chatcmpl-" + new ProseGenerator(seed: 5).Identifier(29));
            writer.WriteString("object", "chat.completion");
            writer.WriteNumber("created", Created);
            writer.WriteString("model", ResolvedModel);
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteNumber("index", 0);
            writer.WriteStartObject("message");
            writer.WriteString("role", "assistant");
            writer.WriteString("content", AnswerText);
            writer.WriteNull("refusal");
            writer.WriteStartArray("annotations");
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteNull("logprobs");
            writer.WriteString("finish_reason", "stop");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartObject("usage");
            writer.WriteNumber("prompt_tokens", 52);
            writer.WriteNumber("completion_tokens", 297);
            writer.WriteNumber("total_tokens", 349);
            writer.WriteStartObject("prompt_tokens_details");
            writer.WriteNumber("cached_tokens", 0);
            writer.WriteNumber("audio_tokens", 0);
            writer.WriteEndObject();
            writer.WriteStartObject("completion_tokens_details");
            writer.WriteNumber("reasoning_tokens", 0);
            writer.WriteNumber("audio_tokens", 0);
            writer.WriteNumber("accepted_prediction_tokens", 0);
            writer.WriteNumber("rejected_prediction_tokens", 0);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteString("service_tier", "default");
            writer.WriteString("system_fingerprint", SystemFingerprint);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] CreateStreamResponse()
    {
        var id = "chatcmpl-" + new ProseGenerator(seed: 7).Identifier(29);
        var obfuscation = new ProseGenerator(seed: 11);
        var body = new ArrayBufferWriter<byte>(256 * 1024);
        var chunk = new ArrayBufferWriter<byte>(512);
        for (var i = 0; i < StreamChunkCount; i++)
        {
            chunk.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(chunk, WireJson.WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("id", id);
                writer.WriteString("object", "chat.completion.chunk");
                writer.WriteNumber("created", Created);
                writer.WriteString("model", ResolvedModel);
                writer.WriteString("service_tier", "default");
                writer.WriteString("system_fingerprint", SystemFingerprint);
                writer.WriteStartArray("choices");
                writer.WriteStartObject();
                writer.WriteNumber("index", 0);
                writer.WriteStartObject("delta");
                if (i == 0)
                {
                    writer.WriteString("role", "assistant");
                    writer.WriteString("content", string.Empty);
                    writer.WriteNull("refusal");
                }
                else if (i < StreamChunkCount - 1)
                {
                    writer.WriteString("content", StreamTokens[i - 1]);
                }

                writer.WriteEndObject();
                writer.WriteNull("logprobs");
                if (i == StreamChunkCount - 1)
                {
                    writer.WriteString("finish_reason", "stop");
                }
                else
                {
                    writer.WriteNull("finish_reason");
                }

                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteNull("usage");
                // The API pads each chunk with random characters so that chunk sizes do not leak token lengths.
                writer.WriteString("obfuscation", obfuscation.Identifier(4 + obfuscation.Next(12)));
                writer.WriteEndObject();
            }

            Append(body, "data: "u8);
            Append(body, chunk.WrittenSpan);
            Append(body, "\n\n"u8);
        }

        Append(body, "data: [DONE]\n\n"u8);
        return body.WrittenSpan.ToArray();
    }

    private static void Append(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer.GetSpan(bytes.Length));
        buffer.Advance(bytes.Length);
    }
}
