using System;
using System.Buffers;
using System.Text.Json;

namespace Tether.Benchmarks.Payloads;

/// <summary>
/// A large Responses API object (about 200 KB), shaped like the result of an agentic research turn: rounds of
/// reasoning summaries, web and file searches with their results, function calls and long cited answers. Built field
/// by field and deterministic, so each run measures the same bytes.
/// </summary>
internal static class ResponsesPayload
{
    public const int TargetSize = 200 * 1024;

    public static byte[] Json { get; } = Create();

    /// <summary>How many output items <see cref="Json"/> holds, to check that each client read all of them.</summary>
    public static int OutputItemCount { get; private set; }

    private static byte[] Create()
    {
        var prose = new ProseGenerator(seed: 42);
        var buffer = new ArrayBufferWriter<byte>(TargetSize + 32 * 1024);
        using var writer = new Utf8JsonWriter(buffer, WireJson.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("id", "resp_" + prose.Identifier(48));
        writer.WriteString("object", "response");
        writer.WriteNumber("created_at", 1_753_000_000);
        writer.WriteString("status", "completed");
        writer.WriteBoolean("background", false);
        writer.WriteNumber("completed_at", 1_753_000_094);
        writer.WriteNull("error");
        writer.WriteNull("incomplete_details");
        writer.WriteString("instructions", "You are a research assistant for an SRE team. Cite every claim.");
        writer.WriteNumber("max_output_tokens", 32_000);
        writer.WriteNull("max_tool_calls");
        writer.WriteString("model", "gpt-4.1-2025-04-14");
        writer.WriteStartArray("output");
        var items = 0;
        for (var round = 0; buffer.WrittenCount + writer.BytesPending < TargetSize; round++)
        {
            WriteReasoning(writer, prose);
            WriteWebSearchCall(writer, prose, round);
            WriteFileSearchCall(writer, prose);
            WriteFunctionCall(writer, prose, round);
            WriteMessage(writer, prose);
            items += 5;
            writer.Flush();
        }

        writer.WriteEndArray();
        OutputItemCount = items;
        writer.WriteBoolean("parallel_tool_calls", true);
        writer.WriteNull("previous_response_id");
        writer.WriteString("prompt_cache_key", "incident-review");
        writer.WriteStartObject("reasoning");
        writer.WriteString("effort", "medium");
        writer.WriteString("summary", "detailed");
        writer.WriteEndObject();
        writer.WriteNull("safety_identifier");
        writer.WriteString("service_tier", "default");
        writer.WriteBoolean("store", true);
        writer.WriteNumber("temperature", 1.0);
        writer.WriteStartObject("text");
        writer.WriteStartObject("format");
        writer.WriteString("type", "text");
        writer.WriteEndObject();
        writer.WriteString("verbosity", "medium");
        writer.WriteEndObject();
        writer.WriteString("tool_choice", "auto");
        WriteTools(writer);
        writer.WriteNumber("top_logprobs", 0);
        writer.WriteNumber("top_p", 1.0);
        writer.WriteString("truncation", "disabled");
        writer.WriteStartObject("usage");
        writer.WriteNumber("input_tokens", 48_211);
        writer.WriteStartObject("input_tokens_details");
        writer.WriteNumber("cached_tokens", 31_744);
        writer.WriteEndObject();
        writer.WriteNumber("output_tokens", 19_870);
        writer.WriteStartObject("output_tokens_details");
        writer.WriteNumber("reasoning_tokens", 6_144);
        writer.WriteEndObject();
        writer.WriteNumber("total_tokens", 68_081);
        writer.WriteEndObject();
        writer.WriteNull("user");
        writer.WriteStartObject("metadata");
        writer.WriteString("ticket", "INC-20931");
        writer.WriteString("team", "sre-edge");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteReasoning(Utf8JsonWriter writer, ProseGenerator prose)
    {
        writer.WriteStartObject();
        writer.WriteString("id", "rs_" + prose.Identifier(48));
        writer.WriteString("type", "reasoning");
        writer.WriteStartArray("summary");
        for (var i = 0; i < 2; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "summary_text");
            writer.WriteString("text", "**Planning the next step**\n\n" + prose.Text(450));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteWebSearchCall(Utf8JsonWriter writer, ProseGenerator prose, int round)
    {
        writer.WriteStartObject();
        writer.WriteString("id", "ws_" + prose.Identifier(48));
        writer.WriteString("type", "web_search_call");
        writer.WriteString("status", "completed");
        writer.WriteStartObject("action");
        writer.WriteString("type", "search");
        writer.WriteString("query", "NAT gateway idle timeout long HTTP request hang " + round);
        writer.WriteStartArray("sources");
        for (var i = 0; i < 5; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "url");
            writer.WriteString("url", "https://docs.example.net/networking/nat/" + prose.Identifier(10) + "?utm_source=openai");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteFileSearchCall(Utf8JsonWriter writer, ProseGenerator prose)
    {
        writer.WriteStartObject();
        writer.WriteString("id", "fs_" + prose.Identifier(48));
        writer.WriteString("type", "file_search_call");
        writer.WriteString("status", "completed");
        writer.WriteStartArray("queries");
        writer.WriteStringValue("keepalive interval for load balancers");
        writer.WriteStringValue("incident postmortem connection reset");
        writer.WriteEndArray();
        writer.WriteStartArray("results");
        for (var i = 0; i < 4; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("file_id", "file-" + prose.Identifier(22));
            writer.WriteString("filename", "runbook-" + prose.Identifier(6) + ".md");
            writer.WriteNumber("score", Math.Round(0.97 - (0.07 * i), 2));
            writer.WriteString("text", prose.Text(600));
            writer.WriteStartObject("attributes");
            writer.WriteString("category", "runbook");
            writer.WriteNumber("year", 2024);
            writer.WriteBoolean("reviewed", i % 2 == 0);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteFunctionCall(Utf8JsonWriter writer, ProseGenerator prose, int round)
    {
        writer.WriteStartObject();
        writer.WriteString("id", "fc_" + prose.Identifier(48));
        writer.WriteString("type", "function_call");
        writer.WriteString("status", "completed");
        writer.WriteString("call_id", "call_" + prose.Identifier(24));
        writer.WriteString("name", "lookup_incident");
        // Arguments travel as a JSON document inside a JSON string, as the API sends them.
        writer.WriteString(
            "arguments",
            "{\"incident_id\":\"INC-" + (20_900 + round) + "\",\"include_timeline\":true,\"regions\":[\"eu-central-1\",\"us-east-2\"],\"note\":\"" + prose.Text(120) + "\"}");
        writer.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter writer, ProseGenerator prose)
    {
        var text = prose.Text(7_000);
        writer.WriteStartObject();
        writer.WriteString("id", "msg_" + prose.Identifier(48));
        writer.WriteString("type", "message");
        writer.WriteString("status", "completed");
        writer.WriteString("role", "assistant");
        writer.WriteStartArray("content");
        writer.WriteStartObject();
        writer.WriteString("type", "output_text");
        writer.WriteString("text", text);
        writer.WriteStartArray("annotations");
        for (var i = 0; i < 12; i++)
        {
            var start = (text.Length / 12) * i;
            writer.WriteStartObject();
            if (i % 3 == 2)
            {
                writer.WriteString("type", "file_citation");
                writer.WriteString("file_id", "file-" + prose.Identifier(22));
                writer.WriteString("filename", "postmortem-" + prose.Identifier(6) + ".pdf");
                writer.WriteNumber("index", start);
            }
            else
            {
                writer.WriteString("type", "url_citation");
                writer.WriteNumber("start_index", start);
                writer.WriteNumber("end_index", start + 40);
                writer.WriteString("url", "https://engineering.example.org/blog/" + prose.Identifier(12) + "?utm_source=openai");
                writer.WriteString("title", "Why idle connections die: " + prose.Text(30));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("logprobs");
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTools(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("tools");
        writer.WriteStartObject();
        writer.WriteString("type", "function");
        writer.WriteString("name", "lookup_incident");
        writer.WriteString("description", "Fetches an incident record with its timeline from the incident tracker.");
        writer.WriteStartObject("parameters");
        writer.WriteString("type", "object");
        writer.WriteStartObject("properties");
        writer.WriteStartObject("incident_id");
        writer.WriteString("type", "string");
        writer.WriteEndObject();
        writer.WriteStartObject("include_timeline");
        writer.WriteString("type", "boolean");
        writer.WriteEndObject();
        writer.WriteStartObject("regions");
        writer.WriteString("type", "array");
        writer.WriteStartObject("items");
        writer.WriteString("type", "string");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("note");
        writer.WriteString("type", "string");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartArray("required");
        writer.WriteStringValue("incident_id");
        writer.WriteStringValue("include_timeline");
        writer.WriteStringValue("regions");
        writer.WriteStringValue("note");
        writer.WriteEndArray();
        writer.WriteBoolean("additionalProperties", false);
        writer.WriteEndObject();
        writer.WriteBoolean("strict", true);
        writer.WriteEndObject();
        writer.WriteStartObject();
        writer.WriteString("type", "web_search");
        writer.WriteString("search_context_size", "medium");
        writer.WriteEndObject();
        writer.WriteStartObject();
        writer.WriteString("type", "file_search");
        writer.WriteStartArray("vector_store_ids");
        writer.WriteStringValue("vs_68a1c0ffee");
        writer.WriteEndArray();
        writer.WriteNumber("max_num_results", 20);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }
}
