using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Tether.Extensions.AI;
using Xunit;

namespace Tether.Extensions.Tests.AI;

/// <summary>
/// Stands in for a generated client: JSON nodes as the "generated" types, so the adapters' mapping is tested on its
/// own. Records each request body and answers with the scripted response or chunks.
/// </summary>
internal sealed class FakeChatCompletions
{
    public static readonly Uri BaseAddress = new("https://llm.example/v1");

    public List<JsonObject> Requests { get; } = [];

    public JsonObject Response { get; set; } = new();

    public List<JsonObject> Chunks { get; } = [];

    public ChatCompletionsChatClient<JsonObject, JsonObject, JsonObject> ChatClient(string model = "gpt-test")
        => new(this, model, BaseAddress, JsonSerializerOptions.Default, SendAsync, StreamAsync);

    public EmbeddingsGenerator<JsonObject, JsonObject> EmbeddingGenerator(string model = "embed-test")
        => new(this, model, BaseAddress, JsonSerializerOptions.Default, SendAsync);

    public JsonObject SingleRequest() => Assert.Single(Requests);

    private Task<JsonObject> SendAsync(JsonObject request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(Response);
    }

    private async IAsyncEnumerable<JsonObject> StreamAsync(JsonObject request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Requests.Add(request);
        foreach (var chunk in Chunks)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return chunk;
        }
    }
}
