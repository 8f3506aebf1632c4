using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Xunit;

namespace Tether.Extensions.Tests.AI;

/// <summary>MEAI messages and options → the chat completions request body, member by member.</summary>
public sealed class ChatRequestMappingTests
{
    [Fact]
    public async Task Options_become_request_members_and_the_call_model_wins_over_the_default()
    {
        var fake = new FakeChatCompletions();
        var options = new ChatOptions
        {
            ModelId = "gpt-override",
            Instructions = "Be brief.",
            Temperature = 0.25f,
            TopP = 0.5f,
            MaxOutputTokens = 64,
            FrequencyPenalty = 0.75f,
            PresencePenalty = -0.5f,
            Seed = 42,
            StopSequences = ["END", "STOP"],
            AllowMultipleToolCalls = false,
            Reasoning = new ReasoningOptions { Effort = ReasoningEffort.ExtraHigh },
            AdditionalProperties = new() { ["service_tier"] = "flex", ["logit_bias"] = new Dictionary<string, int> { ["50256"] = -100 } },
        };

        await fake.ChatClient().GetResponseAsync([new(ChatRole.System, "You are terse."), new(ChatRole.User, "Hi")], options);

        JsonAssertions.Equal(
            """
            {
              "messages": [
                { "role": "system", "content": "Be brief." },
                { "role": "system", "content": "You are terse." },
                { "role": "user", "content": "Hi" }
              ],
              "model": "gpt-override",
              "temperature": 0.25, "top_p": 0.5, "max_completion_tokens": 64,
              "frequency_penalty": 0.75, "presence_penalty": -0.5, "seed": 42,
              "parallel_tool_calls": false,
              "stop": ["END", "STOP"],
              "reasoning_effort": "xhigh",
              "service_tier": "flex",
              "logit_bias": { "50256": -100 }
            }
            """,
            fake.SingleRequest());
    }

    [Fact]
    public async Task Without_options_only_messages_and_the_default_model_are_sent()
    {
        var fake = new FakeChatCompletions();

        await fake.ChatClient("gpt-default").GetResponseAsync("Hello");

        JsonAssertions.Equal("""{ "messages": [ { "role": "user", "content": "Hello" } ], "model": "gpt-default" }""", fake.SingleRequest());
    }

    [Fact]
    public async Task User_content_parts_carry_images_audio_and_files()
    {
        var fake = new FakeChatCompletions();
        var message = new ChatMessage(ChatRole.User,
        [
            new TextContent("What is in these?"),
            new UriContent("https://example.com/cat.png", "image/png") { AdditionalProperties = new() { ["detail"] = "low" } },
            new DataContent(new byte[] { 1, 2, 3 }, "image/jpeg"),
            new DataContent(new byte[] { 4, 5 }, "audio/wav"),
            new DataContent(new byte[] { 6 }, "application/pdf") { Name = "report.pdf" },
            new HostedFileContent("file-abc"),
        ]);

        await fake.ChatClient().GetResponseAsync([message]);

        JsonAssertions.Equal(
            """
            [
              { "type": "text", "text": "What is in these?" },
              { "type": "image_url", "image_url": { "url": "https://example.com/cat.png", "detail": "low" } },
              { "type": "image_url", "image_url": { "url": "data:image/jpeg;base64,AQID" } },
              { "type": "input_audio", "input_audio": { "data": "BAU=", "format": "wav" } },
              { "type": "file", "file": { "filename": "report.pdf", "file_data": "data:application/pdf;base64,Bg==" } },
              { "type": "file", "file": { "file_id": "file-abc" } }
            ]
            """,
            fake.SingleRequest()["messages"]![0]!["content"]);
    }

    [Fact]
    public async Task User_content_the_format_cannot_carry_is_an_error_not_dropped()
    {
        var fake = new FakeChatCompletions();
        var message = new ChatMessage(ChatRole.User, [new TextContent("Watch this"), new UriContent("https://example.com/clip.mp4", "video/mp4")]);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => fake.ChatClient().GetResponseAsync([message]));

        Assert.Contains("UriContent", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Tool_calls_and_results_become_an_assistant_turn_and_one_tool_message_per_result()
    {
        var fake = new FakeChatCompletions();
        ChatMessage[] history =
        [
            new(ChatRole.User, "Weather in Paris and Rome?"),
            new(ChatRole.Assistant,
            [
                new FunctionCallContent("call_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" }),
                new FunctionCallContent("call_2", "get_weather", new Dictionary<string, object?> { ["city"] = "Rome", ["days"] = 2 }),
            ]),
            new(ChatRole.Tool,
            [
                // As MEAI's function invocation hands a string result over: serialized, sent unquoted.
                new FunctionResultContent("call_1", JsonSerializer.SerializeToElement("sunny")),
                new FunctionResultContent("call_2", new Dictionary<string, object?> { ["sky"] = "rain" }),
            ]),
        ];

        await fake.ChatClient().GetResponseAsync(history);

        JsonAssertions.Equal(
            """
            [
              { "role": "user", "content": "Weather in Paris and Rome?" },
              { "role": "assistant", "content": null, "tool_calls": [
                  { "id": "call_1", "type": "function", "function": { "name": "get_weather", "arguments": "{\"city\":\"Paris\"}" } },
                  { "id": "call_2", "type": "function", "function": { "name": "get_weather", "arguments": "{\"city\":\"Rome\",\"days\":2}" } } ] },
              { "role": "tool", "tool_call_id": "call_1", "content": "sunny" },
              { "role": "tool", "tool_call_id": "call_2", "content": "{\"sky\":\"rain\"}" }
            ]
            """,
            fake.SingleRequest()["messages"]);
    }

    [Fact]
    public async Task Function_tools_tool_mode_and_a_json_schema_format_are_written_in_the_wire_shape()
    {
        var fake = new FakeChatCompletions();
        var schema = JsonDocument.Parse("""{ "type": "object", "properties": { "city": { "type": "string" } }, "required": ["city"] }""").RootElement;
        var options = new ChatOptions
        {
            Tools = [AIFunctionFactory.Create((string city) => "sunny", "get_weather", "Current weather for a city.")],
            ToolMode = ChatToolMode.RequireSpecific("get_weather"),
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "weather", "A forecast."),
        };

        await fake.ChatClient().GetResponseAsync("Weather?", options);

        var request = fake.SingleRequest();
        Assert.Equal("function", (string?)request["tools"]![0]!["type"]);
        Assert.Equal("get_weather", (string?)request["tools"]![0]!["function"]!["name"]);
        Assert.Equal("Current weather for a city.", (string?)request["tools"]![0]!["function"]!["description"]);
        Assert.Equal("object", (string?)request["tools"]![0]!["function"]!["parameters"]!["type"]);
        Assert.NotNull(request["tools"]![0]!["function"]!["parameters"]!["properties"]!["city"]);
        JsonAssertions.Equal("""{ "type": "function", "function": { "name": "get_weather" } }""", request["tool_choice"]);
        JsonAssertions.Equal(
            """{ "type": "json_schema", "json_schema": { "name": "weather", "description": "A forecast.", "schema": { "type": "object", "properties": { "city": { "type": "string" } }, "required": ["city"] } } }""",
            request["response_format"]);
    }

    [Theory]
    [InlineData("auto", "\"auto\"")]
    [InlineData("none", "\"none\"")]
    [InlineData("any", "\"required\"")]
    public async Task Tool_modes_map_to_tool_choice(string mode, string expected)
    {
        var fake = new FakeChatCompletions();
        var options = new ChatOptions
        {
            Tools = [AIFunctionFactory.Create(() => "x", "f")],
            ToolMode = mode switch { "auto" => ChatToolMode.Auto, "none" => ChatToolMode.None, _ => ChatToolMode.RequireAny },
        };

        await fake.ChatClient().GetResponseAsync("x", options);

        JsonAssertions.Equal(expected, fake.SingleRequest()["tool_choice"]);
    }

    [Fact]
    public async Task A_tool_mode_without_tools_sends_neither()
    {
        var fake = new FakeChatCompletions();

        await fake.ChatClient().GetResponseAsync("x", new ChatOptions { ToolMode = ChatToolMode.RequireAny, Tools = [] });

        Assert.False(fake.SingleRequest().ContainsKey("tools"));
        Assert.False(fake.SingleRequest().ContainsKey("tool_choice"));
    }

    [Theory]
    [InlineData(false, """{ "type": "json_object" }""")]
    [InlineData(true, """{ "type": "text" }""")]
    public async Task Json_without_a_schema_is_json_object_and_text_is_text(bool text, string expected)
    {
        var fake = new FakeChatCompletions();

        await fake.ChatClient().GetResponseAsync("x", new ChatOptions { ResponseFormat = text ? ChatResponseFormat.Text : ChatResponseFormat.Json });

        JsonAssertions.Equal(expected, fake.SingleRequest()["response_format"]);
    }

    [Fact]
    public async Task A_raw_request_from_the_options_wins_over_the_options_and_keeps_its_messages_first()
    {
        var fake = new FakeChatCompletions();
        var options = new ChatOptions
        {
            Temperature = 0.9f,
            RawRepresentationFactory = _ => new JsonObject
            {
                ["temperature"] = 0.1,
                ["store"] = true,
                ["messages"] = new JsonArray(new JsonObject { ["role"] = "developer", ["content"] = "Rules." }),
            },
        };

        await fake.ChatClient().GetResponseAsync("Hi", options);

        JsonAssertions.Equal(
            """{ "temperature": 0.1, "store": true, "model": "gpt-test", "messages": [ { "role": "developer", "content": "Rules." }, { "role": "user", "content": "Hi" } ] }""",
            fake.SingleRequest());
    }

    [Fact]
    public async Task A_stream_asks_for_usage()
    {
        var fake = new FakeChatCompletions();

        await foreach (var _ in fake.ChatClient().GetStreamingResponseAsync("Hi"))
        {
        }

        JsonAssertions.Equal("""{ "include_usage": true }""", fake.SingleRequest()["stream_options"]);
    }
}
