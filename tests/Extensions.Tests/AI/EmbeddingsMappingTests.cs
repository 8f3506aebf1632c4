using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Xunit;

namespace Tether.Extensions.Tests.AI;

/// <summary>Strings and options → an embeddings request; the response → vectors in input order, with usage.</summary>
public sealed class EmbeddingsMappingTests
{
    [Fact]
    public async Task The_request_asks_for_floats_with_the_model_and_dimensions()
    {
        var fake = new FakeChatCompletions { Response = JsonNode.Parse("""{ "data": [], "model": "m" }""")!.AsObject() };

        await fake.EmbeddingGenerator("embed-small").GenerateAsync(["alpha", "beta"], new EmbeddingGenerationOptions
        {
            Dimensions = 3,
            AdditionalProperties = new() { ["user"] = "u-1" },
        });

        JsonAssertions.Equal(
            """{ "input": ["alpha", "beta"], "model": "embed-small", "encoding_format": "float", "dimensions": 3, "user": "u-1" }""",
            fake.SingleRequest());
    }

    [Fact]
    public async Task Vectors_come_back_in_input_order_as_arrays_or_base64_with_usage()
    {
        var packed = new byte[8];
        BinaryPrimitives.WriteSingleLittleEndian(packed, 1.5f);
        BinaryPrimitives.WriteSingleLittleEndian(packed.AsSpan(4), -2.25f);
        var fake = new FakeChatCompletions
        {
            Response = JsonNode.Parse(
                $$"""
                {
                  "object": "list", "model": "embed-small-2",
                  "data": [
                    { "object": "embedding", "index": 1, "embedding": "{{Convert.ToBase64String(packed)}}" },
                    { "object": "embedding", "index": 0, "embedding": [0.5, 0.25] }
                  ],
                  "usage": { "prompt_tokens": 5, "total_tokens": 5 }
                }
                """)!.AsObject(),
        };

        var embeddings = await fake.EmbeddingGenerator().GenerateAsync(["first", "second"]);

        Assert.Equal([0.5f, 0.25f], embeddings[0].Vector.ToArray());
        Assert.Equal([1.5f, -2.25f], embeddings[1].Vector.ToArray());
        Assert.All(embeddings, e => Assert.Equal("embed-small-2", e.ModelId));
        Assert.Equal((5L, 5L), (embeddings.Usage!.InputTokenCount!.Value, embeddings.Usage.TotalTokenCount!.Value));
    }

    [Fact]
    public async Task A_vector_that_is_neither_numbers_nor_base64_floats_is_a_clear_error()
    {
        var fake = new FakeChatCompletions { Response = JsonNode.Parse("""{ "data": [ { "index": 0, "embedding": "AAE=" } ] }""")!.AsObject() };

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => fake.EmbeddingGenerator().GenerateAsync(["x"]));

        Assert.Contains("2 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_names_the_model_and_the_base_address()
    {
        var fake = new FakeChatCompletions();
        using var generator = fake.EmbeddingGenerator("embed-small");

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>()!;

        Assert.Equal(("openai", FakeChatCompletions.BaseAddress, "embed-small"), (metadata.ProviderName, metadata.ProviderUri, metadata.DefaultModelId));
        Assert.Same(fake, generator.GetService(typeof(FakeChatCompletions)));
    }
}
