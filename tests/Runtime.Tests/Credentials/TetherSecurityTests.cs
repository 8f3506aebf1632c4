using Tether.Runtime.Tests.Pipeline.Support;
using Xunit;

namespace Tether.Runtime.Tests.Credentials;

/// <summary>OR picks the first fully configured alternative, AND sends all of it, <c>{}</c> allows none.</summary>
public sealed class TetherSecurityTests
{
    private static KeyCredential Header(string name, string? key) => new(name, KeyLocation.Header, key, null, null, "O." + name);

    [Fact]
    public async Task Or_SendsTheFirstAlternativeWhoseCredentialsAreAllConfigured()
    {
        var (headers, _) = await SendAsync(new TetherSecurity(false, [Header("x-a", null), Header("x-b", "b")], [Header("x-c", "c")]));

        Assert.Equal((null, null, "c"), (headers["x-a"], headers["x-b"], headers["x-c"]));
    }

    [Fact]
    public async Task And_SendsEveryCredentialOfTheAlternative()
    {
        var (headers, _) = await SendAsync(new TetherSecurity(false, [Header("x-a", "a"), new BearerCredential(null, null, _ => new ValueTask<string>("tok"), "O.Bearer")]));

        Assert.Equal(("a", "Bearer tok"), (headers["x-a"], headers["Authorization"]));
    }

    [Fact]
    public async Task AnAnonymousAlternative_SendsNothingWhenNoneIsConfigured()
    {
        var (headers, count) = await SendAsync(new TetherSecurity(true, [Header("x-a", null)]));

        Assert.Equal((1, null), (count, headers["x-a"]));
    }

    [Fact]
    public async Task NothingConfigured_NamesEverySetting_AndSendsNothing()
    {
        var error = await Assert.ThrowsAsync<TetherCredentialException>(() => SendAsync(new TetherSecurity(false, [Header("x-a", null), Header("x-b", null)], [Header("x-c", null)])));

        Assert.Contains("O.x-a and O.x-b, or O.x-c", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyAlternativeIsRejected() =>
        Assert.Throws<ArgumentException>(() => new TetherSecurity(false, Array.Empty<TetherCredential>()));

    private static async Task<(Dictionary<string, string?> Headers, int Count)> SendAsync(TetherSecurity security)
    {
        var headers = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        await using var server = await PipelineServer.StartAsync(context =>
        {
            foreach (var name in new[] { "x-a", "x-b", "x-c", "Authorization" })
            {
                headers[name] = context.Request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;
            }

            return Task.CompletedTask;
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x") { Security = security });
        return (headers, server.RequestCount);
    }
}
