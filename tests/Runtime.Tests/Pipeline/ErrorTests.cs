using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Tether.Runtime.Tests.Pipeline.Support;
using Xunit;

namespace Tether.Runtime.Tests.Pipeline;

public sealed class ErrorTests
{
    private const string ApiKey = "sk-test-5ecret-key-ABCDEF0123456789";

    [Fact]
    public async Task ApiException_CarriesTheParsedOpenAiErrorBody()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 400;
            context.Response.Headers["x-request-id"] = "req_abc";
            context.Response.Headers["openai-processing-ms"] = "12";
            await context.Response.WriteAsync("""
                {"error":{"message":"Invalid value for 'temperature'.","type":"invalid_request_error","param":"temperature","code":"invalid_value"}}
                """);
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        var ex = await Assert.ThrowsAsync<TetherApiException>(() => pipeline.SendAsync(new TetherRequest(HttpMethod.Post, "/chat/completions")));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(new ApiError("Invalid value for 'temperature'.", "invalid_request_error", "invalid_value", "temperature"), ex.Error);
        Assert.Equal("req_abc", ex.RequestId);
        Assert.Equal(new[] { "12" }, ex.Headers["OpenAI-Processing-Ms"]);
        Assert.Contains("invalid_request_error", ex.ResponseBody);
        Assert.Equal(
            $"POST {server.BaseAddress}/chat/completions failed with 400 (Bad Request) after 1 attempt: Invalid value for 'temperature'. " +
            "(type: invalid_request_error, code: invalid_value, param: temperature, request id: req_abc)",
            ex.Message);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>", "text/html", null, "502 Bad Gateway")]
    [InlineData("""{"error":"quota exceeded"}""", "application/json", "quota exceeded", "quota exceeded")]
    [InlineData("""{"message":"flat shape","code":429}""", "application/json", "flat shape", "flat shape")]
    [InlineData("""{"error":{"message":"numeric code","code":1234}}""", "application/json", "numeric code", "code: 1234")]
    [InlineData("""{"unrelated":true}""", "application/json", null, "unrelated")]
    [InlineData("", "text/plain", null, "(empty body)")]
    public async Task OtherErrorShapes_AreTolerated(string body, string contentType, string? expectedErrorMessage, string expectedInMessage)
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 403;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        var ex = await Assert.ThrowsAsync<TetherApiException>(() => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x")));

        Assert.Equal(expectedErrorMessage, ex.ErrorMessage);
        Assert.Contains(expectedInMessage, ex.Message);
        Assert.Equal(body, ex.ResponseBody);
    }

    [Fact]
    public async Task LongErrorBodies_AreTruncated()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync(new string('x', 1_000_000));
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 0));

        var ex = await Assert.ThrowsAsync<TetherApiException>(() => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x")));

        Assert.InRange(ex.ResponseBody!.Length, 1, 10_000);
        Assert.EndsWith("[truncated]", ex.ResponseBody);
        Assert.True(ex.Message.Length < 1000);
    }

    [Fact]
    public async Task ApiKey_IsSent_ButNeverExposedByExceptions_EvenWhenTheServerEchoesIt()
    {
        string? receivedAuthorization = null;
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            receivedAuthorization = context.Request.Headers.Authorization;
            string echoed = receivedAuthorization!;
            context.Response.StatusCode = 401;
            context.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = "Bad key " + echoed;
            context.Response.Headers["x-request-id"] = "req_" + echoed;
            context.Response.Headers["x-echo"] = echoed;
            context.Response.Headers["WWW-Authenticate"] = "Bearer realm=\"" + echoed + "\"";
            context.Response.Headers.SetCookie = "session=" + echoed;
            await context.Response.WriteAsync(
                $$$"""{"error":{"message":"Incorrect API key provided: {{{echoed}}}","type":"{{{echoed}}}","code":"invalid_api_key","param":"{{{echoed}}}"}}""");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        var request = new TetherRequest(HttpMethod.Get, "/models") { BearerToken = ApiKey };

        var ex = await Assert.ThrowsAsync<TetherApiException>(() => pipeline.SendAsync(request));

        Assert.Equal("Bearer " + ApiKey, receivedAuthorization);
        AssertNoKey(ex.Message);
        AssertNoKey(ex.ToString());
        AssertNoKey(ex.ResponseBody);
        AssertNoKey(ex.ErrorMessage);
        AssertNoKey(ex.ErrorType);
        AssertNoKey(ex.ErrorParam);
        AssertNoKey(ex.RequestId);
        AssertNoKey(ex.Error!.ToString());
        AssertNoKey(request.ToString());
        foreach (KeyValuePair<string, IReadOnlyList<string>> header in ex.Headers)
        {
            foreach (string value in header.Value)
            {
                AssertNoKey(value);
            }
        }

        Assert.Equal(new[] { "[REDACTED]" }, ex.Headers["Set-Cookie"]);
        Assert.Contains("Incorrect API key provided: Bearer [REDACTED]", ex.Message);
    }

    [Fact]
    public async Task ApiKey_IsNotExposed_ByStreamErrorEvents()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            string echoed = context.Request.Headers.Authorization!;
            Sse.Begin(context);
            await Sse.WriteAsync(context, $$"""{"type":"error","message":"key {{echoed}} revoked","code":"{{echoed}}"}""", eventType: "error");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        var request = new TetherRequest(HttpMethod.Post, "/responses") { BearerToken = ApiKey };

        var ex = await Assert.ThrowsAsync<TetherApiException>(async () =>
        {
            await foreach (ChunkEvent _ in pipeline.StreamEventsAsync(request, TestJsonContext.Default.ChunkEvent))
            {
            }
        });

        Assert.Contains("revoked", ex.Message);
        AssertNoKey(ex.ToString());
        AssertNoKey(ex.ResponseBody);
        AssertNoKey(ex.ErrorCode);
    }

    [Fact]
    public async Task ApiKey_IsNotExposed_ByConnectionOrTimeoutFailures()
    {
        using var refused = new TetherPipeline(new TetherClientOptions
        {
            BaseAddress = new Uri($"http://127.0.0.1:{RetryTests.FindClosedLoopbackPort()}/"),
            MaxRetries = 0,
        });
        var connection = await Assert.ThrowsAsync<TetherConnectionException>(
            () => refused.SendAsync(new TetherRequest(HttpMethod.Get, "/models") { BearerToken = ApiKey }));
        AssertNoKey(connection.ToString());

        await using PipelineServer server = await PipelineServer.StartAsync(context => Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted));
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 0));
        var request = new TetherRequest(HttpMethod.Get, "/models") { BearerToken = ApiKey, Options = new RequestOptions { Timeout = TimeSpan.FromMilliseconds(200) } };
        var timeout = await Assert.ThrowsAsync<TetherTimeoutException>(() => pipeline.SendAsync(request));
        AssertNoKey(timeout.ToString());
    }

    [Fact]
    public async Task InvalidJsonBody_ThrowsSerializationException_WithStatusRequestIdAndPosition()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            context.Response.Headers["x-request-id"] = "req_json";
            await context.Response.WriteAsync("{\"text\":\"hi\",\n \"count\": oops}");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        var ex = await Assert.ThrowsAsync<TetherSerializationException>(
            () => pipeline.SendJsonAsync(new TetherRequest(HttpMethod.Get, "/greeting"), TestJsonContext.Default.Greeting));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal("req_json", ex.RequestId);
        Assert.Equal(1, ex.LineNumber);
        Assert.NotNull(ex.BytePositionInLine);
        Assert.Equal(nameof(Greeting), ex.TargetType);
        Assert.Contains("req_json", ex.Message);
        Assert.Contains("Greeting", ex.Message);
    }

    [Theory]
    [InlineData("""{"text":"hi","count":"two"}""", "$.count")]
    [InlineData("""[1,2]""", "$")]
    [InlineData("""{"text":"hi"} trailing""", "$")]
    public async Task WrongShape_ThrowsSerializationException_WithThePath(string body, string expectedPath)
    {
        await using PipelineServer server = await PipelineServer.StartAsync(context => context.Response.WriteAsync(body));
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        var ex = await Assert.ThrowsAsync<TetherSerializationException>(
            () => pipeline.SendJsonAsync(new TetherRequest(HttpMethod.Get, "/greeting"), TestJsonContext.Default.Greeting));

        Assert.StartsWith(expectedPath, ex.JsonPath);
    }

    [Fact]
    public async Task JsonNullBody_IsNotReturnedAsNull()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(context => context.Response.WriteAsync("null"));
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        var ex = await Assert.ThrowsAsync<TetherSerializationException>(
            () => pipeline.SendJsonAsync(new TetherRequest(HttpMethod.Get, "/greeting"), TestJsonContext.Default.Greeting));

        Assert.Contains("null", ex.Message);
    }

    [Fact]
    public void AllTetherExceptions_ShareTheBaseClass()
    {
        Assert.True(typeof(TetherException).IsAssignableFrom(typeof(TetherApiException)));
        Assert.True(typeof(TetherException).IsAssignableFrom(typeof(TetherConnectionException)));
        Assert.True(typeof(TetherException).IsAssignableFrom(typeof(TetherTimeoutException)));
        Assert.True(typeof(TetherException).IsAssignableFrom(typeof(TetherSerializationException)));
        Assert.True(typeof(TetherException).IsAssignableFrom(typeof(TetherCredentialException)));
    }

    private static void AssertNoKey(string? text)
    {
        Assert.NotNull(text);
        Assert.DoesNotContain(ApiKey, text);
        Assert.DoesNotContain("5ecret", text);
    }
}
