using System.Net;
using Tether.EndToEnd.Tests.Support;
using Xunit;

namespace Tether.EndToEnd.Tests;

/// <summary>
/// The generated options and constructors: defaults from the spec, a caller's HttpClient or handler
/// used exactly as given, and the key kept out of every exception.
/// </summary>
public sealed class ClientConstructionTests
{
    private const string ModelsJson = """{"object":"list","data":[{"id":"gpt-4o-mini","object":"model","created":1686935002,"owned_by":"openai"}]}""";

    [Fact]
    public void Options_DefaultToTheSpecsServerAndTheUsualEnvironmentVariables()
    {
        var options = new OpenAIClientOptions();

        Assert.Equal(new Uri("https://api.openai.com/v1"), options.BaseAddress);
        Assert.Equal(OpenAIClientOptions.DefaultBaseAddress, options.BaseAddress);
        Assert.Null(options.ApiKey);
        Assert.Equal("OPENAI_API_KEY", options.ApiKeyEnvironmentVariable);
        Assert.Equal(TimeSpan.FromMinutes(10), options.Timeout);
        Assert.Equal(2, options.MaxRetries);
        Assert.Null(options.KeepAlive); // keepalive is on either way: null means the defaults
    }

    [Fact]
    public async Task MissingKey_FailsBeforeSending_NamingTheOptionAndTheVariable()
    {
        await using var server = await FakeOpenAIServer.StartAsync(ModelsJson);
        using var client = new OpenAIClient(new OpenAIClientOptions
        {
            BaseAddress = server.BaseAddress,
            ApiKeyEnvironmentVariable = "TETHER_E2E_KEY_THAT_IS_NEVER_SET",
        });

        var error = await Assert.ThrowsAsync<TetherCredentialException>(() => client.Models.ListModelsAsync());

        Assert.Contains("OpenAIClientOptions.ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("TETHER_E2E_KEY_THAT_IS_NEVER_SET", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task RejectedKey_NeverAppearsInTheException()
    {
        // Like the real service, the fake echoes (part of) the key back; proxies have been seen to echo headers whole.
        await using var server = await FakeOpenAIServer.StartAsync(async (context, request, _) =>
        {
            var key = request.Header("Authorization")!["Bearer ".Length..];
            context.Response.Headers["x-echo-authorization"] = "Bearer " + key;
            await FakeOpenAIServer.WriteJsonAsync(
                context,
                $$$"""{"error":{"message":"Incorrect API key provided: {{{key}}}. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}""",
                401);
        });
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<TetherApiException>(() => client.Models.ListModelsAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("invalid_api_key", error.ErrorCode);
        Assert.Single(server.Requests); // 401 is not retried
        var everything = string.Join("\n",
            error.ToString(), error.Message, error.ErrorMessage, error.ResponseBody,
            string.Join("\n", error.Headers.Select(h => h.Key + ": " + string.Join(",", h.Value))));
        Assert.DoesNotContain(TestClients.ApiKey, everything, StringComparison.Ordinal);
        Assert.Contains("Incorrect API key provided", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallersHttpClient_IsUsedAsGivenWithItsBaseAddressAndNotDisposed()
    {
        await using var server = await FakeOpenAIServer.StartAsync(ModelsJson);
        using var httpClient = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(42) };
        httpClient.DefaultRequestHeaders.Add("x-caller-header", "kept");

        using (var client = new OpenAIClient(httpClient, new OpenAIClientOptions { BaseAddress = null, ApiKey = TestClients.ApiKey }))
        {
            var models = await client.Models.ListModelsAsync();
            Assert.Equal("gpt-4o-mini", Assert.Single(models.Data).Id);
        }

        Assert.Equal(TimeSpan.FromSeconds(42), httpClient.Timeout);
        Assert.Equal("kept", server.Requests[0].Header("x-caller-header"));
        // Still usable: the generated client did not dispose what it did not create.
        var again = await httpClient.GetAsync(server.BaseAddress + "/models");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task CallersHandler_CarriesEveryRequestAndIsNotDisposed()
    {
        await using var server = await FakeOpenAIServer.StartAsync(ModelsJson);
        var handler = new CountingHandler(new SocketsHttpHandler());

        using (var client = new OpenAIClient(handler, new OpenAIClientOptions { BaseAddress = server.BaseAddress, ApiKey = TestClients.ApiKey }))
        {
            await client.Models.ListModelsAsync();
            await client.Models.ListModelsAsync();
        }

        Assert.Equal(2, handler.Sent);
        using var invoker = new HttpMessageInvoker(handler);
        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, server.BaseAddress + "/models"), CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public int Sent { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent++;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
