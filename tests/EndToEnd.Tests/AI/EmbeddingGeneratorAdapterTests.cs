using Microsoft.Extensions.AI;
using Tether.EndToEnd.Tests.Support;
using Xunit;

namespace Tether.EndToEnd.Tests.AI;

/// <summary>The generated <c>AsIEmbeddingGenerator</c> against the fake server.</summary>
public sealed class EmbeddingGeneratorAdapterTests
{
    [Fact]
    public async Task Embeddings_are_asked_as_floats_and_returned_in_input_order_with_usage()
    {
        const string embeddings = """
            {"object":"list","model":"text-embedding-3-small",
             "data":[{"object":"embedding","index":1,"embedding":[0.25,-1.5,3]},{"object":"embedding","index":0,"embedding":[1,2,0.5]}],
             "usage":{"prompt_tokens":4,"total_tokens":4}}
            """;
        await using var server = await FakeOpenAIServer.StartAsync(embeddings);
        using var client = TestClients.Create(server);
        var generator = client.AsIEmbeddingGenerator("text-embedding-3-small");

        var result = await generator.GenerateAsync(["first", "second"], new EmbeddingGenerationOptions { Dimensions = 3 });

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/embeddings"), (request.Method, request.RawTarget));
        JsonAssert.Equal(
            """{"input":["first","second"],"model":"text-embedding-3-small","encoding_format":"float","dimensions":3}""",
            request.BodyText);
        Assert.Equal([1f, 2f, 0.5f], result[0].Vector.ToArray());
        Assert.Equal([0.25f, -1.5f, 3f], result[1].Vector.ToArray());
        Assert.Equal(4, result.Usage!.InputTokenCount);
        Assert.Same(client, generator.GetService<OpenAIClient>());
    }
}
