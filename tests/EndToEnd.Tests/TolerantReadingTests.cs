using System.Text.Json;
using Tether.EndToEnd.Tests.Support;
using Xunit;
using M = Tether.EndToEnd.Tests.OpenAIClientModels;

namespace Tether.EndToEnd.Tests;

/// <summary>
/// A response that disagrees with the spec: <c>encoding_format: "base64"</c> makes the API send the embedding as a
/// base64 string where the official spec declares an array of numbers. Read tolerantly by default, strictly on request.
/// </summary>
public sealed class TolerantReadingTests
{
    private const string Base64Vector = "AACAPwAAAEAAAEBA";

    private const string Base64EmbeddingsJson = $$$"""
        {"object":"list","data":[{"object":"embedding","embedding":"{{{Base64Vector}}}","index":0}],
         "model":"text-embedding-3-small","usage":{"prompt_tokens":8,"total_tokens":8}}
        """;

    [Fact]
    public async Task ABase64Embedding_IsKeptRaw_AndTheRestIsRead()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Base64EmbeddingsJson);
        using var client = TestClients.Create(server);

        var embeddings = await client.Embeddings.CreateEmbeddingAsync(Base64Request());

        var embedding = Assert.Single(embeddings.Data);
        Assert.Null(embedding.EmbeddingValue);
        Assert.Equal(Base64Vector, embedding.AdditionalProperties["embedding"].GetString());
        var mismatch = Assert.Single(embedding.AdditionalProperties.GetMismatches());
        Assert.Equal(("embedding", TetherMismatchKind.WrongKind, "an array"), (mismatch.Name, mismatch.Kind, mismatch.Expected));
        Assert.Equal(0, embedding.Index);
        Assert.Equal(8, embeddings.Usage.TotalTokens);
        Assert.Empty(embeddings.AdditionalProperties.GetMismatches());
        JsonAssert.Equal(Base64EmbeddingsJson, JsonSerializer.Serialize(embeddings, OpenAIClient.JsonOptions));
    }

    [Fact]
    public async Task StrictResponseReading_FailsTheCall_WithThePosition()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Base64EmbeddingsJson);
        using var client = TestClients.Create(server, options => options.StrictResponseReading = true);

        var error = await Assert.ThrowsAsync<TetherSerializationException>(() => client.Embeddings.CreateEmbeddingAsync(Base64Request()));

        // The serializer's path stops at the root (the generated converters read the rest); the position does not.
        Assert.Equal(0L, error.LineNumber);
        var member = Base64EmbeddingsJson.IndexOf("\"embedding\":\"", StringComparison.Ordinal);
        Assert.InRange(error.BytePositionInLine!.Value, member, Base64EmbeddingsJson.IndexOf(",\"index\"", StringComparison.Ordinal));
        Assert.Contains("Expected an array but found a string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATolerantRead_IsASpanEvent_AndALogEntry()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Base64EmbeddingsJson);
        using var recorder = new SpanRecorder(server);
        var logger = new ToleratedLogger();
        using var client = TestClients.Create(server, options => options.Logger = logger);

        await client.Embeddings.CreateEmbeddingAsync(Base64Request());

        var span = Assert.Single(recorder.Spans);
        var tolerated = Assert.Single(span.Events, e => e.Name == TetherTelemetry.ToleratedEventName);
        var tags = tolerated.Tags.ToDictionary(tag => tag.Key, tag => tag.Value);
        Assert.Equal(1, tags[TetherTelemetry.ToleratedCountTag]);
        Assert.Equal("embedding", tags[TetherTelemetry.ToleratedMembersTag]);
        var logged = Assert.Single(logger.Tolerated);
        Assert.Equal(("createEmbedding", 1, "embedding"), (logged.OperationName, logged.Count, Assert.Single(logged.Members)));
    }

    [Fact]
    public async Task AResponseAsDeclared_IsNoSpanEvent()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Base64EmbeddingsJson.Replace($"\"{Base64Vector}\"", "[1.5]", StringComparison.Ordinal));
        var logger = new ToleratedLogger();
        using var client = TestClients.Create(server, options => options.Logger = logger);

        var embeddings = await client.Embeddings.CreateEmbeddingAsync(Base64Request());

        Assert.Equal([1.5f], Assert.Single(embeddings.Data).EmbeddingValue);
        Assert.Empty(logger.Tolerated);
    }

    private static M.CreateEmbeddingRequest Base64Request() => new()
    {
        Input = "The food was delicious and the waiter...",
        Model = "text-embedding-3-small",
        EncodingFormat = M.CreateEmbeddingRequestEncodingFormat.Base64,
    };

    private sealed class ToleratedLogger : ITetherLogger
    {
        public List<TetherToleratedLogEvent> Tolerated { get; } = [];

        public bool IsEnabled => true;

        public void LogRetry(TetherRetryLogEvent retry)
        {
        }

        public void LogTimeout(TetherTimeoutLogEvent timeout)
        {
        }

        public void LogFailure(TetherFailureLogEvent failure)
        {
        }

        public void LogTolerated(TetherToleratedLogEvent tolerated) => Tolerated.Add(tolerated);
    }
}
