using System.Text;
using Tether.EndToEnd.Tests.Support;
using Xunit;

namespace Tether.EndToEnd.Tests.Security;

/// <summary>What each security scheme of a generated client puts on the wire, against a loopback server.</summary>
public sealed class SecuritySchemeTests
{
    private const string Key = "vk-test-e2e-0123456789SECRET";

    [Fact]
    public async Task AnApiKeyHeader_IsSentUnderItsName()
    {
        await using var server = await FakeOpenAIServer.StartAsync((_, _, _) => Task.CompletedTask);
        using var client = Create(server, options => options.AzureKey = Key);

        await client.WithHeaderKeyAsync();

        var request = Assert.Single(server.Requests);
        Assert.Equal(Key, request.Header("api-key"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task AQueryKey_IsAppendedToTheOperationsQuery()
    {
        await using var server = await FakeOpenAIServer.StartAsync((_, _, _) => Task.CompletedTask);
        using var client = Create(server, options => options.QueryKey = "a b&c");

        await client.WithQueryKeyAsync(limit: 5);

        Assert.Equal("/v1/query?limit=5&key=a%20b%26c", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task ACookieKey_IsSentAsACookie()
    {
        await using var server = await FakeOpenAIServer.StartAsync((_, _, _) => Task.CompletedTask);
        using var client = Create(server, options => options.SessionCookie = Key);

        await client.WithCookieKeyAsync();

        Assert.Equal("session=" + Key, Assert.Single(server.Requests).Header("Cookie"));
    }

    [Fact]
    public async Task Basic_IsTheBase64OfUserColonPassword()
    {
        await using var server = await FakeOpenAIServer.StartAsync((_, _, _) => Task.CompletedTask);
        using var client = Create(server, options =>
        {
            options.AccountSidAuthTokenUserName = "AC123";
            options.AccountSidAuthTokenPassword = "pass";
        });

        await client.WithBasicAsync();

        Assert.Equal("Basic QUMxMjM6cGFzcw==", Assert.Single(server.Requests).Header("Authorization"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AC123:pass")), Assert.Single(server.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task OAuth2_SendsTheCallbacksToken_AskedBeforeEveryAttempt()
    {
        var asked = 0;
        await using var server = await FakeOpenAIServer.StartAsync((context, _, number) =>
        {
            context.Response.StatusCode = number == 1 ? 503 : 204;
            return Task.CompletedTask;
        });
        using var client = Create(server, options =>
        {
            options.OauthProvider = _ => new ValueTask<string>("token-" + Interlocked.Increment(ref asked));
            options.InitialRetryDelay = TimeSpan.FromMilliseconds(1);
        });

        await client.WithOAuthAsync();

        Assert.Equal(["Bearer token-1", "Bearer token-2"], server.Requests.Select(request => request.Header("Authorization")));
    }

    [Fact]
    public async Task And_SendsBothCredentials()
    {
        await using var server = await FakeOpenAIServer.StartAsync((_, _, _) => Task.CompletedTask);
        using var client = Create(server, options =>
        {
            options.AzureKey = Key;
            options.AccountSidAuthTokenUserName = "AC123";
            options.AccountSidAuthTokenPassword = "pass";
        });

        await client.WithBothAsync();

        var request = Assert.Single(server.Requests);
        Assert.Equal((Key, "Basic QUMxMjM6cGFzcw=="), (request.Header("api-key"), request.Header("Authorization")));
    }

    [Fact]
    public async Task Or_SendsTheConfiguredAlternativeOnly()
    {
        await using var server = await FakeOpenAIServer.StartAsync((_, _, _) => Task.CompletedTask);
        using var client = Create(server, options =>
        {
            options.AccountSidAuthTokenUserName = "AC123";
            options.AccountSidAuthTokenPassword = "pass";
        });

        await client.WithEitherAsync();

        var request = Assert.Single(server.Requests);
        Assert.Equal((null, "Basic QUMxMjM6cGFzcw=="), (request.Header("api-key"), request.Header("Authorization")));
    }

    [Fact]
    public async Task NothingConfigured_FailsBeforeSending_NamingTheOptions_UnlessTheCallAllowsNone()
    {
        await using var server = await FakeOpenAIServer.StartAsync((_, _, _) => Task.CompletedTask);
        using var client = Create(server);

        var error = await Assert.ThrowsAsync<TetherCredentialException>(() => client.WithEitherAsync());
        Assert.Contains("VaultClientOptions.AzureKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("VaultClientOptions.AccountSidAuthToken", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);

        await client.WithOptionalAsync();
        await client.WithNoneAsync();
        Assert.All(server.Requests, request => Assert.Null(request.Header("api-key")));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task TheDocumentDefault_AppliesToOperationsWithoutSecurity_AndReadsItsEnvironmentVariable()
    {
        var variable = "TETHER_E2E_VAULT_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "env-token");
        try
        {
            await using var server = await FakeOpenAIServer.StartAsync("{\"name\":\"n\"}");
            using var client = Create(server, options => options.BearerEnvironmentVariable = variable);

            Assert.Equal("n", (await client.GetSecretAsync("n")).Name);

            Assert.Equal("Bearer env-token", Assert.Single(server.Requests).Header("Authorization"));
            Assert.Equal("VAULT_BEARER", new VaultClientOptions().BearerEnvironmentVariable);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task AQueryKey_IsRedactedFromTheTracesUrl_AndFromTheApiException()
    {
        await using var server = await FakeOpenAIServer.StartAsync(async (context, received, _) =>
            await FakeOpenAIServer.WriteJsonAsync(context, "{\"error\":{\"message\":\"no access for " + received.RawTarget + "\"}}", 403));
        using var spans = new SpanRecorder(server);
        using var client = Create(server, options =>
        {
            options.QueryKey = Key;
            options.MaxRetries = 0;
        });

        var error = await Assert.ThrowsAsync<TetherApiException>(() => client.WithQueryKeyAsync(limit: 1));

        Assert.Contains("key=" + Key, Assert.Single(server.Requests).RawTarget, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.ResponseBody!, StringComparison.Ordinal);
        Assert.Contains("[REDACTED]", error.Message, StringComparison.Ordinal);
        var url = Assert.IsType<string>(Assert.Single(spans.Spans).GetTagItem("url.full"));
        Assert.EndsWith("/v1/query", url, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, url, StringComparison.Ordinal);
    }

    private static VaultClient Create(FakeOpenAIServer server, Action<VaultClientOptions>? configure = null)
    {
        // No environment variable is read unless a test names one: a developer's own keys must not leak in.
        var options = new VaultClientOptions
        {
            BaseAddress = server.BaseAddress,
            BearerEnvironmentVariable = null,
            AzureKeyEnvironmentVariable = null,
            QueryKeyEnvironmentVariable = null,
            SessionCookieEnvironmentVariable = null,
            OauthEnvironmentVariable = null,
            AccountSidAuthTokenUserNameEnvironmentVariable = null,
            AccountSidAuthTokenPasswordEnvironmentVariable = null,
        };
        configure?.Invoke(options);
        return new VaultClient(options);
    }
}
