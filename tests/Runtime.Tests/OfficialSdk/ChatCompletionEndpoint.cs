using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Tether.Runtime.Tests.OfficialSdk;

/// <summary>
/// <c>POST /v1/chat/completions</c> for a <see cref="Pipeline.Support.PipelineServer"/>: answers every request with one
/// fixed completion, after <see cref="Silence"/>, and records the client port each request came from, which is how a
/// test finds the socket that carried it.
/// </summary>
internal sealed class ChatCompletionEndpoint
{
    public const string Model = "gpt-4o-mini";

    public const string Answer = "pong";

    // The fields the SDK's ChatCompletion and Microsoft.Extensions.AI's ChatResponse are read from.
    private const string Completion =
        $$$"""{"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"{{{Model}}}","choices":[{"index":0,"message":{"role":"assistant","content":"{{{Answer}}}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""";

    private readonly ConcurrentQueue<int> _clientPorts = new();

    /// <summary>How long the server stays silent before answering, as a model that thinks does; none by default.</summary>
    public TimeSpan Silence { get; set; }

    /// <summary>The client port of each request, in arrival order (a retry is a request too).</summary>
    public IReadOnlyList<int> ClientPorts => _clientPorts.ToArray();

    public async Task RespondAsync(HttpContext context)
    {
        _clientPorts.Enqueue(context.Connection.RemotePort);
        if (context.Request.Method != HttpMethods.Post || context.Request.Path != "/v1/chat/completions")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (Silence > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Silence, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up on this attempt; nobody reads an answer now.
                return;
            }
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Completion, context.RequestAborted);
    }
}
