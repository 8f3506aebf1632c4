using Tether.EndToEnd.Tests.Support;
using Xunit;
using M = Tether.EndToEnd.Tests.OpenAIClientModels;

namespace Tether.EndToEnd.Tests;

/// <summary>The Responses API and embeddings through the generated client.</summary>
public sealed class ResponsesAndEmbeddingsTests
{
    private const string ResponseJson = """
        {"id":"resp_1","object":"response","created_at":1741476542,"status":"completed","error":null,"incomplete_details":null,
         "instructions":null,"max_output_tokens":null,"model":"gpt-4.1-2025-04-14",
         "output":[{"type":"message","id":"msg_1","status":"completed","role":"assistant",
                    "content":[{"type":"output_text","text":"In a peaceful grove...","annotations":[],"logprobs":[]}]}],
         "parallel_tool_calls":true,"previous_response_id":null,"reasoning":{"effort":null,"summary":null},"store":true,
         "temperature":1.0,"text":{"format":{"type":"text"}},"tool_choice":"auto","tools":[],"top_p":1.0,"truncation":"disabled",
         "usage":{"input_tokens":36,"input_tokens_details":{"cached_tokens":0},"output_tokens":87,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":123},
         "user":null,"metadata":{}}
        """;

    private const string EmbeddingsJson = """
        {"object":"list","data":[{"object":"embedding","embedding":[0.0023064255,-0.009327292,0.015797347],"index":0}],
         "model":"text-embedding-3-small","usage":{"prompt_tokens":8,"total_tokens":8}}
        """;

    [Fact]
    public async Task CreateResponse_SendsModelAndInputAndReadsTheOutputText()
    {
        await using var server = await FakeOpenAIServer.StartAsync(ResponseJson);
        using var client = TestClients.Create(server);

        var response = await client.Responses.CreateResponseAsync(new M.CreateResponse
        {
            Model = "gpt-4.1",
            Input = "Tell me a three sentence bedtime story about a unicorn.",
        });

        Assert.Equal("resp_1", response.Id);
        Assert.Equal(M.ResponseStatus.Completed, response.Status);
        var message = response.Output[0].AsOutputMessage();
        Assert.Equal("In a peaceful grove...", message.Content[0].AsOutputTextContent().Text);
        Assert.Equal(123, response.Usage!.TotalTokens);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/responses"), (request.Method, request.RawTarget));
        JsonAssert.Equal("""{"model":"gpt-4.1","input":"Tell me a three sentence bedtime story about a unicorn."}""", request.BodyText);
    }

    [Fact]
    public async Task CreateEmbedding_ReadsTheVector()
    {
        await using var server = await FakeOpenAIServer.StartAsync(EmbeddingsJson);
        using var client = TestClients.Create(server);

        var embeddings = await client.Embeddings.CreateEmbeddingAsync(new M.CreateEmbeddingRequest
        {
            Input = "The food was delicious and the waiter...",
            Model = "text-embedding-3-small",
            EncodingFormat = M.CreateEmbeddingRequestEncodingFormat.Float,
        });

        var embedding = Assert.Single(embeddings.Data);
        Assert.Equal([0.0023064255f, -0.009327292f, 0.015797347f], embedding.EmbeddingValue);
        Assert.Equal(8, embeddings.Usage.TotalTokens);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/embeddings", request.RawTarget);
        JsonAssert.Equal(
            """{"input":"The food was delicious and the waiter...","model":"text-embedding-3-small","encoding_format":"float"}""",
            request.BodyText);
    }
}
