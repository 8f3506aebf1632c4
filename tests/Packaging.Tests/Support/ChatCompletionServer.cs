using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tether.Packaging.Tests.Support;

/// <summary>One chat completion request as the server saw it.</summary>
internal sealed record ReceivedCall(string Authorization, string Model, string Question, bool Stream);

/// <summary>
/// An OpenAI-compatible <c>POST /v1/chat/completions</c> on 127.0.0.1 (ephemeral port) that answers
/// <see cref="AnswerTo"/> of the last user message, as JSON or, for <c>"stream": true</c>, as event-stream chunks.
/// </summary>
internal sealed class ChatCompletionServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ReceivedCall> _calls = new();

    private ChatCompletionServer(WebApplication app) => _app = app;

    /// <summary>E.g. <c>http://127.0.0.1:41234/v1</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<ReceivedCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return _calls.ToArray();
            }
        }
    }

    public static string AnswerTo(string question) => "echo: " + question;

    public static async Task<ChatCompletionServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var server = new ChatCompletionServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(bound.TrimEnd('/') + "/v1");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopTimeout.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using JsonDocument body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        JsonElement root = body.RootElement;
        bool stream = root.TryGetProperty("stream", out JsonElement flag) && flag.ValueKind == JsonValueKind.True;
        string question = root.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString() ?? string.Empty;
        lock (_calls)
        {
            _calls.Add(new ReceivedCall(context.Request.Headers.Authorization.ToString(), root.GetProperty("model").GetString() ?? string.Empty, question, stream));
        }

        string answer = AnswerTo(question);
        if (!stream)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Envelope("chat.completion",
                "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + JsonString(answer) + ",\"refusal\":null},\"finish_reason\":\"stop\",\"logprobs\":null}]"));
            return;
        }

        context.Response.ContentType = "text/event-stream";
        // Three pieces, so the client has to put the answer back together from several events.
        int third = answer.Length / 3;
        foreach (string piece in new[] { answer[..third], answer[third..(2 * third)], answer[(2 * third)..] })
        {
            await WriteEventAsync(context, Envelope("chat.completion.chunk",
                "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + JsonString(piece) + "},\"finish_reason\":null}]"));
        }

        await WriteEventAsync(context, Envelope("chat.completion.chunk", "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]"));
        await WriteEventAsync(context, "[DONE]");
    }

    private static string Envelope(string objectType, string choices) =>
        "{\"id\":\"chatcmpl-test\",\"object\":\"" + objectType + "\",\"created\":1700000000,\"model\":\"gpt-test\"," + choices + "}";

    private static string JsonString(string value) => "\"" + JsonEncodedText.Encode(value).Value + "\"";

    private static async Task WriteEventAsync(HttpContext context, string data)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("data: " + data + "\n\n"));
        await context.Response.Body.FlushAsync();
    }
}
