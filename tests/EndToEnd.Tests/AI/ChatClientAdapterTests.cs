using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Tether.EndToEnd.Tests.Support;
using Xunit;
using M = Tether.EndToEnd.Tests.OpenAIClientModels;

namespace Tether.EndToEnd.Tests.AI;

/// <summary>
/// The generated <c>AsIChatClient</c> against the fake server: what goes on the wire, what comes back, and MEAI's
/// own middleware driving it (function invocation, structured output).
/// </summary>
public sealed class ChatClientAdapterTests
{
    private const string Completion = """
        {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini-2024-07-18",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Hi there!","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],
         "usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12,"prompt_tokens_details":{"cached_tokens":2,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":1,"audio_tokens":0}},
         "service_tier":"default","system_fingerprint":"fp_1"}
        """;

    [Fact]
    public async Task A_chat_call_sends_the_wire_request_through_the_generated_operation_and_reads_the_completion()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Completion);
        using var client = TestClients.Create(server);
        var chat = client.AsIChatClient("gpt-4o-mini");

        var response = await chat.GetResponseAsync(
            [new(ChatRole.System, "Be kind."), new(ChatRole.User, "Hello")],
            new ChatOptions { Temperature = 0.5f, MaxOutputTokens = 100, StopSequences = ["\n\n"], Seed = 7, AdditionalProperties = new() { ["store"] = false } });

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/chat/completions"), (request.Method, request.RawTarget));
        Assert.Equal("Bearer " + TestClients.ApiKey, request.Header("Authorization"));
        JsonAssert.Equal(
            """
            {"messages":[{"role":"system","content":"Be kind."},{"role":"user","content":"Hello"}],"model":"gpt-4o-mini",
             "temperature":0.5,"max_completion_tokens":100,"seed":7,"stop":["\n\n"],"store":false}
            """,
            request.BodyText);

        Assert.Equal("Hi there!", response.Text);
        Assert.Equal(("chatcmpl-1", "gpt-4o-mini-2024-07-18"), (response.ResponseId, response.ModelId));
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal((9L, 3L, 12L, 2L, 1L), (response.Usage!.InputTokenCount!.Value, response.Usage.OutputTokenCount!.Value, response.Usage.TotalTokenCount!.Value, response.Usage.CachedInputTokenCount!.Value, response.Usage.ReasoningTokenCount!.Value));
        var raw = Assert.IsType<M.CreateChatCompletionResponse>(response.RawRepresentation);
        Assert.Equal("Hi there!", raw.Choices[0].Message.Content);
        Assert.Same(client, chat.GetService<OpenAIClient>());
        Assert.Equal(server.BaseAddress, chat.GetService<ChatClientMetadata>()!.ProviderUri);
    }

    [Fact]
    public async Task A_streamed_call_yields_text_deltas_and_the_usage_it_asked_for()
    {
        string[] chunks =
        [
            """{"id":"chatcmpl-2","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"usage":null}""",
            """{"id":"chatcmpl-2","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}],"usage":null}""",
            """{"id":"chatcmpl-2","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"lo!"},"finish_reason":null}],"usage":null}""",
            """{"id":"chatcmpl-2","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null}""",
            """{"id":"chatcmpl-2","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}""",
        ];
        await using var server = await FakeOpenAIServer.StartAsync((context, _, _) => FakeOpenAIServer.WriteEventsAsync(context, chunks));
        using var client = TestClients.Create(server);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.AsIChatClient("gpt-4o-mini").GetStreamingResponseAsync("Hello"))
        {
            updates.Add(update);
        }

        JsonAssert.Equal(
            """{"messages":[{"role":"user","content":"Hello"}],"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true}}""",
            Assert.Single(server.Requests).BodyText);
        Assert.Equal(["", "Hel", "lo!", "", ""], updates.Select(u => u.Text));
        Assert.All(updates, u => Assert.IsType<M.CreateChatCompletionStreamResponse>(u.RawRepresentation));
        var response = updates.ToChatResponse();
        Assert.Equal("Hello!", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(7, response.Usage!.TotalTokenCount);
    }

    [Fact]
    public async Task Function_invocation_runs_the_tool_and_sends_its_result_in_the_second_request()
    {
        const string toolCall = """
            {"id":"chatcmpl-3","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
               {"id":"call_w1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},"finish_reason":"tool_calls"}],
             "usage":{"prompt_tokens":20,"completion_tokens":10,"total_tokens":30}}
            """;
        const string answer = """
            {"id":"chatcmpl-4","object":"chat.completion","created":1700000001,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"It is sunny in Paris."},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":40,"completion_tokens":6,"total_tokens":46}}
            """;
        await using var server = await FakeOpenAIServer.StartAsync((context, _, n) => FakeOpenAIServer.WriteJsonAsync(context, n == 1 ? toolCall : answer));
        using var client = TestClients.Create(server);
        var asked = new List<string>();
        var weather = AIFunctionFactory.Create(
            ([Description("The city")] string city) =>
            {
                asked.Add(city);
                return $"sunny in {city}, 21 C";
            },
            "get_weather",
            "The current weather in a city.");
        using var chat = new ChatClientBuilder(client.AsIChatClient("gpt-4o-mini")).UseFunctionInvocation().Build();

        var response = await chat.GetResponseAsync("Weather in Paris?", new ChatOptions { Tools = [weather] });

        Assert.Equal("It is sunny in Paris.", response.Text);
        Assert.Equal(["Paris"], asked);
        Assert.Equal(2, server.Requests.Count);
        using var first = JsonDocument.Parse(server.Requests[0].BodyText);
        var tool = first.RootElement.GetProperty("tools")[0];
        Assert.Equal(("function", "get_weather"), (tool.GetProperty("type").GetString(), tool.GetProperty("function").GetProperty("name").GetString()));
        Assert.Equal("string", tool.GetProperty("function").GetProperty("parameters").GetProperty("properties").GetProperty("city").GetProperty("type").GetString());
        using var second = JsonDocument.Parse(server.Requests[1].BodyText);
        var messages = second.RootElement.GetProperty("messages");
        Assert.Equal(3, messages.GetArrayLength());
        JsonAssert.Equal(
            """{"role":"assistant","content":null,"tool_calls":[{"id":"call_w1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]}""",
            messages[1].GetRawText());
        JsonAssert.Equal("""{"role":"tool","tool_call_id":"call_w1","content":"sunny in Paris, 21 C"}""", messages[2].GetRawText());
        // MEAI adds up the usage of both round trips.
        Assert.Equal(76, response.Usage!.TotalTokenCount);
    }

    [Fact]
    public async Task Streamed_function_invocation_assembles_the_call_from_fragments()
    {
        string[] toolCallChunks =
        [
            """{"id":"c5","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,"id":"call_s1","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}""",
            """{"id":"c5","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]},"finish_reason":null}]}""",
            """{"id":"c5","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"Rome\"}"}}]},"finish_reason":null}]}""",
            """{"id":"c5","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}""",
        ];
        string[] answerChunks =
        [
            """{"id":"c6","object":"chat.completion.chunk","created":2,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Rainy"},"finish_reason":null}]}""",
            """{"id":"c6","object":"chat.completion.chunk","created":2,"model":"m","choices":[{"index":0,"delta":{"content":" in Rome."},"finish_reason":"stop"}]}""",
        ];
        await using var server = await FakeOpenAIServer.StartAsync((context, _, n) => FakeOpenAIServer.WriteEventsAsync(context, n == 1 ? toolCallChunks : answerChunks));
        using var client = TestClients.Create(server);
        var weather = AIFunctionFactory.Create((string city) => "rain in " + city, "get_weather");
        using var chat = new ChatClientBuilder(client.AsIChatClient("m")).UseFunctionInvocation().Build();

        var text = "";
        await foreach (var update in chat.GetStreamingResponseAsync("Weather in Rome?", new ChatOptions { Tools = [weather] }))
        {
            text += update.Text;
        }

        Assert.Equal("Rainy in Rome.", text);
        using var second = JsonDocument.Parse(server.Requests[1].BodyText);
        JsonAssert.Equal("""{"role":"tool","tool_call_id":"call_s1","content":"rain in Rome"}""", second.RootElement.GetProperty("messages")[2].GetRawText());
    }

    [Fact]
    public async Task Structured_output_sends_a_json_schema_format_and_reads_the_typed_result()
    {
        const string forecast = """
            {"id":"chatcmpl-7","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"{\"city\":\"Oslo\",\"celsius\":-3}"},"finish_reason":"stop"}]}
            """;
        await using var server = await FakeOpenAIServer.StartAsync(forecast);
        using var client = TestClients.Create(server);

        var result = await client.AsIChatClient("gpt-4o-mini").GetResponseAsync<Forecast>("Forecast for Oslo?");

        Assert.Equal(new Forecast("Oslo", -3), result.Result);
        using var body = JsonDocument.Parse(Assert.Single(server.Requests).BodyText);
        var format = body.RootElement.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("Forecast", format.GetProperty("json_schema").GetProperty("name").GetString());
        var schema = format.GetProperty("json_schema").GetProperty("schema");
        Assert.Equal("integer", schema.GetProperty("properties").GetProperty("celsius").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Images_by_uri_and_as_data_travel_as_content_parts()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Completion);
        using var client = TestClients.Create(server);

        await client.AsIChatClient("gpt-4o").GetResponseAsync(new ChatMessage(ChatRole.User,
        [
            new TextContent("Compare."),
            new UriContent("https://example.com/a.png", "image/png"),
            new DataContent(new byte[] { 0xFF, 0xD8, 0xFF }, "image/jpeg"),
        ]));

        JsonAssert.Equal(
            """
            {"messages":[{"role":"user","content":[{"type":"text","text":"Compare."},
              {"type":"image_url","image_url":{"url":"https://example.com/a.png"}},
              {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/"}}]}],"model":"gpt-4o"}
            """,
            Assert.Single(server.Requests).BodyText);
    }

    [Fact]
    public async Task An_error_status_reaches_the_caller_as_the_clients_typed_exception()
    {
        await using var server = await FakeOpenAIServer.StartAsync((context, _, _) => FakeOpenAIServer.WriteJsonAsync(
            context, """{"error":{"message":"Invalid model","type":"invalid_request_error","code":"model_not_found"}}""", 404));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<TetherApiException>(() => client.AsIChatClient("nope").GetResponseAsync("Hi"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("Invalid model", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The typed result of the structured-output test.</summary>
    public sealed record Forecast(string City, int Celsius);
}
