using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tether.EndToEnd.Tests.Support;
using Xunit;

namespace Tether.EndToEnd.Tests;

/// <summary>
/// A project that references Tether.Extensions.Http gets <c>services.AddOpenAIClient(configuration)</c>: one call, the
/// settings and both keys from configuration, the client from <c>IHttpClientFactory</c>.
/// </summary>
public sealed class ServiceRegistrationTests
{
    private const string AdminKey = "sk-admin-e2e-0123456789SECRET";

    [Fact]
    public async Task AddOpenAIClient_TakesTheAddressSettingsAndBothKeysFromConfiguration()
    {
        await using var server = await FakeOpenAIServer.StartAsync((context, _, _) => FakeOpenAIServer.WriteJsonAsync(
            context,
            context.Request.Path.StartsWithSegments("/v1/organization", StringComparison.Ordinal)
                ? """{"object":"list","data":[],"first_id":null,"last_id":null,"has_more":false}"""
                : """{"object":"list","data":[{"id":"gpt-4.1","object":"model","created":1686935002,"owned_by":"openai"}]}"""));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OpenAI:BaseAddress"] = server.BaseAddress.AbsoluteUri,
            ["OpenAI:ApiKey"] = TestClients.ApiKey,
            ["OpenAI:AdminApiKey"] = AdminKey,
            ["OpenAI:UserAgent"] = "e2e-di/1.0",
        }).Build();
        var services = new ServiceCollection();

        services.AddOpenAIClient(configuration.GetSection("OpenAI"));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<OpenAIClient>();
        var models = await client.Models.ListModelsAsync();
        await client.Projects.ListProjectsAsync();

        Assert.Equal("gpt-4.1", Assert.Single(models.Data).Id);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(("/v1/models", "Bearer " + TestClients.ApiKey), (server.Requests[0].RawTarget, server.Requests[0].Header("Authorization")));
        Assert.StartsWith("/v1/organization/projects", server.Requests[1].RawTarget, StringComparison.Ordinal);
        Assert.Equal("Bearer " + AdminKey, server.Requests[1].Header("Authorization"));
        Assert.All(server.Requests, request => Assert.Equal("e2e-di/1.0", request.Header("User-Agent")));
    }

    [Fact]
    public async Task AddOpenAIClient_TakesTheWebhookSecretFromConfiguration()
    {
        const string Secret = "whsec_c2VjcmV0IGZyb20gY29uZmlndXJhdGlvbg==";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OpenAI:ApiKey"] = TestClients.ApiKey,
            ["OpenAI:WebhookSecret"] = Secret,
        }).Build();
        var services = new ServiceCollection();
        services.AddOpenAIClient(configuration.GetSection("OpenAI"));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<OpenAIClient>();
        const string Body = """{"id":"evt_1","type":"batch.completed","created_at":1767225600,"data":{"id":"batch_1"}}""";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var headers = new Dictionary<string, string>
        {
            ["webhook-id"] = "msg_1",
            ["webhook-timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-signature"] = WebhookSignature.Sign("msg_1", timestamp, System.Text.Encoding.UTF8.GetBytes(Body), Secret),
        };

        Assert.True(client.Webhooks.Unwrap(Body, headers).IsWebhookBatchCompleted);
    }
}
