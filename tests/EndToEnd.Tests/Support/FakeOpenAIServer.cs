using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tether.EndToEnd.Tests.Support;

/// <summary>A request as the fake server received it, body included (read before the handler runs).</summary>
/// <param name="RawTarget">The request target exactly as sent (path and query, still percent-encoded).</param>
internal sealed record ReceivedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, string? ContentType, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// Kestrel on 127.0.0.1 (a free port) playing the OpenAI API under <c>/v1</c>: every request is recorded, then answered
/// by the test's handler, which gets the request number (1 for the first) to script retries.
/// </summary>
internal sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly Func<HttpContext, ReceivedRequest, int, Task> _handler;
    private int _count;

    private FakeOpenAIServer(Func<HttpContext, ReceivedRequest, int, Task> handler)
    {
        _handler = handler;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>The base address a client uses: <c>http://127.0.0.1:{port}/v1</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToArray();

    /// <summary>Set when a request's connection was aborted by the client (cancellation, a dropped stream).</summary>
    public TaskCompletionSource RequestAborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<FakeOpenAIServer> StartAsync(Func<HttpContext, ReceivedRequest, int, Task> handler)
    {
        var server = new FakeOpenAIServer(handler);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    /// <summary>A server that answers every request with the same JSON.</summary>
    public static Task<FakeOpenAIServer> StartAsync(string json) => StartAsync((context, _, _) => WriteJsonAsync(context, json));

    public static async Task WriteJsonAsync(HttpContext context, string json, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }

    /// <summary>Writes server-sent events, flushing each one, then <c>[DONE]</c>.</summary>
    public static async Task WriteEventsAsync(HttpContext context, IEnumerable<string> dataLines)
    {
        context.Response.ContentType = "text/event-stream";
        foreach (var data in dataLines)
        {
            await context.Response.WriteAsync("data: " + data + "\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }

        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        context.RequestAborted.Register(() => RequestAborted.TrySetResult());
        context.Request.EnableBuffering();
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        context.Request.Body.Position = 0;

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in context.Request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        var request = new ReceivedRequest(
            context.Request.Method,
            context.Features.Get<IHttpRequestFeature>()!.RawTarget,
            headers,
            context.Request.ContentType,
            body.ToArray());
        _requests.Enqueue(request);
        await _handler(context, request, Interlocked.Increment(ref _count));
    }
}
