using System.Net;
using Microsoft.AspNetCore.Http;
using Tether.EndToEnd.Tests.Support;
using Xunit;

namespace Tether.EndToEnd.Tests;

/// <summary>
/// <c>ApiKeyProvider</c>: a token callback asked before every attempt (expiring Entra ID / OAuth tokens), its
/// failure a <c>TetherCredentialException</c> before anything is sent, and a 401 never retried blindly.
/// </summary>
public sealed class CredentialCallbackTests
{
    private const string ModelsJson = """{"object":"list","data":[{"id":"gpt-4o-mini","object":"model","created":1686935002,"owned_by":"openai"}]}""";

    [Fact]
    public async Task TheCallback_IsAskedBeforeEveryAttempt_SoARetryCarriesAFreshToken()
    {
        await using var server = await FakeOpenAIServer.StartAsync(async (context, _, number) =>
        {
            if (number == 1)
            {
                await FakeOpenAIServer.WriteJsonAsync(context, """{"error":{"message":"busy","type":"server_error","param":null,"code":null}}""", StatusCodes.Status503ServiceUnavailable);
                return;
            }

            await FakeOpenAIServer.WriteJsonAsync(context, ModelsJson);
        });
        var issued = 0;
        using var client = TestClients.Create(server, options =>
        {
            options.ApiKey = "sk-static-never-sent";
            options.InitialRetryDelay = TimeSpan.FromMilliseconds(10);
            options.ApiKeyProvider = _ => new ValueTask<string>("token-" + Interlocked.Increment(ref issued));
        });

        await client.Models.ListModelsAsync();

        Assert.Equal(["Bearer token-1", "Bearer token-2"], server.Requests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task ACallbackThatThrows_IsACredentialException_AndNothingIsSent()
    {
        await using var server = await FakeOpenAIServer.StartAsync(ModelsJson);
        using var client = TestClients.Create(server, options =>
            options.ApiKeyProvider = _ => throw new InvalidOperationException("the identity endpoint is down"));

        var error = await Assert.ThrowsAsync<TetherCredentialException>(() => client.Models.ListModelsAsync());

        Assert.Contains("OpenAIClientOptions.ApiKeyProvider", error.Message, StringComparison.Ordinal);
        Assert.Contains("the identity endpoint is down", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AnAsyncCallbackReturningNothing_IsACredentialException()
    {
        await using var server = await FakeOpenAIServer.StartAsync(ModelsJson);
        using var client = TestClients.Create(server, options => options.ApiKeyProvider = async token =>
        {
            await Task.Yield();
            return " ";
        });

        await Assert.ThrowsAsync<TetherCredentialException>(() => client.Models.ListModelsAsync());
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A401_IsNotRetried_AndTheTokenIsNotInTheException()
    {
        await using var server = await FakeOpenAIServer.StartAsync((context, _, _) => FakeOpenAIServer.WriteJsonAsync(
            context, """{"error":{"message":"Token expired: token-secret-1","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}""", StatusCodes.Status401Unauthorized));
        using var client = TestClients.Create(server, options => options.ApiKeyProvider = _ => new ValueTask<string>("token-secret-1"));

        var error = await Assert.ThrowsAsync<TetherApiException>(() => client.Models.ListModelsAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Single(server.Requests);
        Assert.DoesNotContain("token-secret-1", error.ToString() + error.ErrorMessage + error.ResponseBody, StringComparison.Ordinal);
    }
}
