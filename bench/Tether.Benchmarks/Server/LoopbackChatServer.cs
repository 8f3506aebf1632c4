using System;
using System.Buffers;
using System.IO.Pipelines;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tether.Benchmarks.Payloads;

namespace Tether.Benchmarks.Server;

/// <summary>
/// A Kestrel server on 127.0.0.1 that answers <c>POST /v1/chat/completions</c> with the prepared completion, or with
/// the whole 500-chunk event stream in one write when the body asks for <c>"stream":true</c>. It does as little as
/// possible per request so that the clients' differences are what the benchmarks see.
/// </summary>
internal sealed class LoopbackChatServer : IAsyncDisposable
{
    private static readonly byte[] StreamFlag = "\"stream\":true"u8.ToArray();

    private readonly WebApplication _app;

    private LoopbackChatServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The API root clients are pointed at, e.g. <c>http://127.0.0.1:41234/v1</c>.</summary>
    public Uri BaseAddress { get; }

    public static async Task<LoopbackChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address");
        return new LoopbackChatServer(app, new Uri(address.TrimEnd('/') + "/v1"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != "/v1/chat/completions")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var wantsStream = await BodyContainsStreamFlagAsync(context.Request.BodyReader).ConfigureAwait(false);
        var response = context.Response;
        response.Headers["x-request-id"] = "req_bench0000000000000000000000";
        response.Headers["openai-processing-ms"] = "412";
        if (wantsStream)
        {
            response.ContentType = "text/event-stream; charset=utf-8";
            await response.Body.WriteAsync(ChatPayloads.StreamResponse).ConfigureAwait(false);
        }
        else
        {
            response.ContentType = "application/json";
            response.ContentLength = ChatPayloads.CompletionResponse.Length;
            await response.Body.WriteAsync(ChatPayloads.CompletionResponse).ConfigureAwait(false);
        }
    }

    private static async Task<bool> BodyContainsStreamFlagAsync(PipeReader reader)
    {
        while (true)
        {
            var result = await reader.ReadAsync().ConfigureAwait(false);
            if (result.IsCompleted)
            {
                // The request bodies are small (< 1 KB): searching the whole buffered body once is simplest.
                var found = Contains(result.Buffer, StreamFlag);
                reader.AdvanceTo(result.Buffer.End);
                return found;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    private static bool Contains(ReadOnlySequence<byte> body, byte[] needle)
    {
        if (body.IsSingleSegment)
        {
            return body.FirstSpan.IndexOf(needle) >= 0;
        }

        return body.ToArray().AsSpan().IndexOf(needle) >= 0;
    }
}
