using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tether.Samples.Quickstart;

/// <summary>
/// A tiny OpenAI-compatible server on 127.0.0.1 (a free port), so the quickstart runs on a machine with no network
/// and no key. It answers <c>POST /v1/chat/completions</c> like the real service: a JSON completion after
/// "thinking" silently for a while (the situation where a NAT forgets an idle connection), or, when the body says
/// <c>"stream": true</c>, the answer as server-sent event chunks ending with <c>data: [DONE]</c>.
/// </summary>
internal sealed class LocalOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeSpan _thinkingTime;
    private int _completionCount;

    private LocalOpenAIServer(WebApplication app, TimeSpan thinkingTime)
    {
        _app = app;
        _thinkingTime = thinkingTime;
    }

    /// <summary>The OpenAI-style base address, e.g. <c>http://127.0.0.1:41234/v1</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts the server; non-streaming answers are held back for <paramref name="thinkingTime"/>.</summary>
    public static async Task<LocalOpenAIServer> StartAsync(TimeSpan thinkingTime)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var server = new LocalOpenAIServer(app, thinkingTime);
        app.MapPost("/v1/chat/completions", server.ChatCompletionsAsync);
        app.MapGet("/v1/files", ListFilesAsync);
        await app.StartAsync().ConfigureAwait(false);
        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(bound.TrimEnd('/') + "/v1");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopTimeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ChatCompletionsAsync(HttpContext context)
    {
        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Missing bearer key.", "invalid_api_key").ConfigureAwait(false);
            return;
        }

        string model;
        string question;
        bool stream;
        try
        {
            using JsonDocument body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            model = body.RootElement.GetProperty("model").GetString() ?? "local-model";
            stream = body.RootElement.TryGetProperty("stream", out JsonElement flag) && flag.ValueKind == JsonValueKind.True;
            question = LastUserText(body.RootElement.GetProperty("messages"));
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "The body is not a chat completion request.", "invalid_request_error").ConfigureAwait(false);
            return;
        }

        int number = Interlocked.Increment(ref _completionCount);
        string id = "chatcmpl-local-" + number.ToString(CultureInfo.InvariantCulture);
        string answer = Answer(question);
        if (stream)
        {
            await StreamAnswerAsync(context, id, model, answer).ConfigureAwait(false);
        }
        else
        {
            // Silence on the wire, as while a large model reasons: the connection is idle the whole time.
            await Task.Delay(_thinkingTime, context.RequestAborted).ConfigureAwait(false);
            await WriteCompletionAsync(context, id, model, answer).ConfigureAwait(false);
        }
    }

    private static string Answer(string question) =>
        $"You asked: \"{question}\". This answer comes from the embedded local server, through a client generated from openapi/openai.yaml.";

    private static string LastUserText(JsonElement messages)
    {
        string text = string.Empty;
        foreach (JsonElement message in messages.EnumerateArray())
        {
            if (message.GetProperty("role").GetString() != "user")
            {
                continue;
            }

            JsonElement content = message.GetProperty("content");
            text = content.ValueKind == JsonValueKind.String
                ? content.GetString() ?? string.Empty
                : string.Concat(content.EnumerateArray()
                    .Where(part => part.TryGetProperty("text", out _))
                    .Select(part => part.GetProperty("text").GetString()));
        }

        return text;
    }

    /// <summary>The demo account's files, paged as the real endpoint pages them: <c>after</c>, <c>limit</c>, <c>has_more</c>, <c>last_id</c>.</summary>
    private static readonly string[] DemoFiles =
    [
        "train-2026-01.jsonl", "train-2026-02.jsonl", "eval-2026-02.jsonl", "batch-input-1.jsonl",
        "batch-input-2.jsonl", "batch-output-1.jsonl", "notes.pdf",
    ];

    private static async Task ListFilesAsync(HttpContext context)
    {
        int limit = int.TryParse(context.Request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out int asked) && asked > 0 ? asked : 10_000;
        string after = context.Request.Query["after"].ToString();
        int start = after.Length == 0 ? 0 : Array.FindIndex(DemoFiles, name => FileId(name) == after) + 1;
        string[] page = DemoFiles.Skip(start).Take(limit).ToArray();
        context.Response.Headers["x-request-id"] = "req_files_" + start.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("object", "list");
        json.WriteStartArray("data");
        foreach (string name in page)
        {
            json.WriteStartObject();
            json.WriteString("id", FileId(name));
            json.WriteString("object", "file");
            json.WriteNumber("bytes", 1024 * (name.Length + 3));
            json.WriteNumber("created_at", 1767225600);
            json.WriteString("filename", name);
            json.WriteString("purpose", name.StartsWith("batch", StringComparison.Ordinal) ? "batch" : "fine-tune");
            json.WriteString("status", "processed");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("first_id", page.Length > 0 ? FileId(page[0]) : null);
        json.WriteString("last_id", page.Length > 0 ? FileId(page[^1]) : null);
        json.WriteBoolean("has_more", start + page.Length < DemoFiles.Length);
        json.WriteEndObject();
    }

    private static string FileId(string name) => "file-" + name.Replace('.', '-');

    private static async Task WriteCompletionAsync(HttpContext context, string id, string model, string answer)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-request-id"] = "req_" + id;
        context.Response.Headers["x-ratelimit-remaining-tokens"] = "29999120";
        context.Response.Headers["x-ratelimit-reset-tokens"] = "1ms";
        await using (var json = new Utf8JsonWriter(context.Response.Body))
        {
            json.WriteStartObject();
            WriteEnvelope(json, id, model, "chat.completion");
            json.WriteStartArray("choices");
            json.WriteStartObject();
            json.WriteNumber("index", 0);
            json.WriteStartObject("message");
            json.WriteString("role", "assistant");
            json.WriteString("content", answer);
            json.WriteNull("refusal");
            json.WriteEndObject();
            json.WriteString("finish_reason", "stop");
            json.WriteNull("logprobs");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("usage");
            json.WriteNumber("prompt_tokens", 12);
            json.WriteNumber("completion_tokens", answer.Split(' ').Length);
            json.WriteNumber("total_tokens", 12 + answer.Split(' ').Length);
            json.WriteEndObject();
            json.WriteEndObject();
        }
    }

    private static async Task StreamAnswerAsync(HttpContext context, string id, string model, string answer)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        string[] words = answer.Split(' ');
        for (int i = 0; i < words.Length; i++)
        {
            string piece = i == 0 ? words[i] : " " + words[i];
            await WriteEventAsync(context, Chunk(id, model, piece, finishReason: null)).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromMilliseconds(40), context.RequestAborted).ConfigureAwait(false);
        }

        await WriteEventAsync(context, Chunk(id, model, content: null, finishReason: "stop")).ConfigureAwait(false);
        await WriteEventAsync(context, "[DONE]").ConfigureAwait(false);
    }

    private static string Chunk(string id, string model, string? content, string? finishReason)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteEnvelope(json, id, model, "chat.completion.chunk");
            json.WriteStartArray("choices");
            json.WriteStartObject();
            json.WriteNumber("index", 0);
            json.WriteStartObject("delta");
            if (content is not null)
            {
                json.WriteString("content", content);
            }

            json.WriteEndObject();
            if (finishReason is null)
            {
                json.WriteNull("finish_reason");
            }
            else
            {
                json.WriteString("finish_reason", finishReason);
            }

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteEnvelope(Utf8JsonWriter json, string id, string model, string objectType)
    {
        json.WriteString("id", id);
        json.WriteString("object", objectType);
        json.WriteNumber("created", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        json.WriteString("model", model);
    }

    private static async Task WriteEventAsync(HttpContext context, string data)
    {
        await context.Response.WriteAsync("data: " + data + "\n\n", context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string message, string code)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteString("message", message);
        json.WriteString("type", "invalid_request_error");
        json.WriteString("code", code);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
