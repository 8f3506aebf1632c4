using Tether.EndToEnd.Tests.Support;
using Xunit;

namespace Tether.EndToEnd.Tests;

/// <summary>
/// The official spec's second security scheme: admin operations (organization, projects, admin keys) take the admin
/// key, every other operation the API key, each with its own option and environment variable.
/// </summary>
public sealed class AdminKeyTests
{
    [Fact]
    public void Options_NameTheAdminKeysEnvironmentVariable()
    {
        var options = new OpenAIClientOptions();

        Assert.Null(options.AdminApiKey);
        Assert.Equal("OPENAI_ADMIN_API_KEY", options.AdminApiKeyEnvironmentVariable);
    }

    [Fact]
    public async Task AdminOperations_SendTheAdminKey_OthersTheApiKey()
    {
        await using var server = await FakeOpenAIServer.StartAsync(
            """{"object":"list","data":[],"has_more":false,"first_id":null,"last_id":null}""");
        using var client = TestClients.Create(server, options => options.AdminApiKey = "sk-admin-e2e");

        await client.AdminApiKeysListAsync();
        await client.Files.ListFilesAsync();

        Assert.Equal("Bearer sk-admin-e2e", server.Requests[0].Header("Authorization"));
        Assert.Equal("Bearer " + TestClients.ApiKey, server.Requests[1].Header("Authorization"));
    }
}
