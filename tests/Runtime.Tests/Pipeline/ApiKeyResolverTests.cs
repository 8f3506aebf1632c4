using Xunit;

namespace Tether.Runtime.Tests.Pipeline;

public sealed class ApiKeyResolverTests
{
    [Fact]
    public void ConfiguredKey_WinsOverTheEnvironment()
    {
        string variable = UniqueVariable();
        Environment.SetEnvironmentVariable(variable, "from-environment");
        try
        {
            Assert.Equal("configured", ApiKeyResolver.Resolve("configured", variable, "Options.ApiKey"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void EnvironmentVariable_IsReadWhenNoKeyIsConfigured()
    {
        string variable = UniqueVariable();
        Environment.SetEnvironmentVariable(variable, "from-environment");
        try
        {
            Assert.Equal("from-environment", ApiKeyResolver.Resolve(null, variable, "Options.ApiKey"));
            Assert.Equal("from-environment", ApiKeyResolver.Resolve("  ", variable, "Options.ApiKey"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void NoKeyAnywhere_ThrowsAndSaysWhereToSetIt()
    {
        string variable = UniqueVariable();

        var ex = Assert.Throws<TetherCredentialException>(() => ApiKeyResolver.Resolve(null, variable, "OpenAIClientOptions.ApiKey"));

        Assert.Contains("OpenAIClientOptions.ApiKey", ex.Message);
        Assert.Contains(variable, ex.Message);
        Assert.Equal(0, ex.Attempts);
    }

    // A fresh name per test: the process environment is shared by tests running in parallel.
    private static string UniqueVariable() => "TETHER_TEST_KEY_" + Guid.NewGuid().ToString("N");
}
