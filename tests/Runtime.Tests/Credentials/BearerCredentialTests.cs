using Xunit;

namespace Tether.Runtime.Tests.Credentials;

/// <summary>Where a bearer token comes from: the callback first, then the key, then the environment variable.</summary>
public sealed class BearerCredentialTests
{
    [Fact]
    public async Task TheCallbackWins_ThenTheKey_ThenTheEnvironment()
    {
        var variable = "TETHER_TEST_TOKEN_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, " from-environment ");
        try
        {
            Assert.Equal("from-callback", await new BearerCredential("key", variable, _ => new ValueTask<string>("from-callback"), "O.ApiKey").GetTokenAsync());
            Assert.Equal("key", await new BearerCredential("key", variable, null, "O.ApiKey").GetTokenAsync());
            Assert.Equal("from-environment", await new BearerCredential(null, variable, null, "O.ApiKey").GetTokenAsync());
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task NothingAnywhere_NamesTheSettingAndTheVariable()
    {
        var error = await Assert.ThrowsAsync<TetherCredentialException>(async () =>
            await new BearerCredential(null, "TETHER_TEST_NEVER_SET_" + Guid.NewGuid().ToString("N"), null, "DemoClientOptions.ApiKey").GetTokenAsync());

        Assert.Contains("DemoClientOptions.ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("TETHER_TEST_NEVER_SET_", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCallersCancellation_IsACancellation_NotACredentialFailure()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var credential = new BearerCredential(null, null, token => ValueTask.FromCanceled<string>(token), "O.ApiKey");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await credential.GetTokenAsync(cancelled.Token));
    }
}
