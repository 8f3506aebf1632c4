using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Tether.Runtime.Tests.Pipeline.Support;
using Xunit;

namespace Tether.Runtime.Tests.Credentials;

/// <summary>API keys in a header, the query or a cookie, and Basic, as the pipeline puts them on the wire.</summary>
public sealed class KeyAndBasicCredentialTests
{
    private static Func<CancellationToken, ValueTask<string>> Callback(string value) => _ => new ValueTask<string>(value);

    [Fact]
    public async Task TheKeyCallbackWins_ThenTheKey_ThenTheEnvironment()
    {
        var variable = "TETHER_TEST_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, " from-environment ");
        try
        {
            Assert.Equal("from-callback", await new KeyCredential("api-key", KeyLocation.Header, "key", variable, Callback("from-callback"), "O.Key").GetKeyAsync());
            Assert.Equal("key", await new KeyCredential("api-key", KeyLocation.Header, "key", variable, null, "O.Key").GetKeyAsync());
            Assert.Equal("from-environment", await new KeyCredential("api-key", KeyLocation.Header, null, variable, null, "O.Key").GetKeyAsync());
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void AHeaderKeyNeedsAValidHeaderName() =>
        Assert.Throws<ArgumentException>(() => new KeyCredential("bad name", KeyLocation.Header, "k", null, null, "O.Key"));

    [Fact]
    public async Task HeaderQueryAndCookieKeys_AndBasic_GoOnTheWire()
    {
        var seen = new List<(string Target, string? ApiKey, string? Cookie, string? Authorization)>();
        await using var server = await PipelineServer.StartAsync(context =>
        {
            seen.Add((context.Features.Get<IHttpRequestFeature>()!.RawTarget, context.Request.Headers["api-key"], context.Request.Headers.Cookie, context.Request.Headers.Authorization));
            return Task.CompletedTask;
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/a") { Credential = new KeyCredential("api-key", KeyLocation.Header, "h-secret", null, null, "O.H") });
        await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/b?limit=2") { Credential = new KeyCredential("key", KeyLocation.Query, "q s&cret", null, null, "O.Q") });
        await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/c") { Credential = new KeyCredential("session", KeyLocation.Cookie, "c-secret", null, null, "O.C") });
        await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/d") { Credential = new BasicCredential("AC123", "p@ss:word", null, null, "O.Basic") });

        Assert.Equal(("/v1/a", "h-secret"), (seen[0].Target, seen[0].ApiKey));
        Assert.Equal("/v1/b?limit=2&key=q%20s%26cret", seen[1].Target);
        Assert.Equal("session=c-secret", seen[2].Cookie);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AC123:p@ss:word")), seen[3].Authorization);
    }

    [Fact]
    public async Task BasicReadsBothPartsFromTheEnvironment_AndNamesWhatIsMissing()
    {
        var user = "TETHER_TEST_USER_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(user, "from-env");
        try
        {
            var credential = new BasicCredential(null, null, user, "TETHER_TEST_NEVER_SET_" + Guid.NewGuid().ToString("N"), "DemoClientOptions.Account");
            await using var server = await PipelineServer.StartAsync(_ => Task.CompletedTask);
            using var pipeline = new TetherPipeline(FastOptions.For(server));

            var error = await Assert.ThrowsAsync<TetherCredentialException>(() => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x") { Credential = credential }));

            Assert.Contains("DemoClientOptions.AccountPassword", error.Message, StringComparison.Ordinal);
            Assert.Equal(0, server.RequestCount);
        }
        finally
        {
            Environment.SetEnvironmentVariable(user, null);
        }
    }
}
