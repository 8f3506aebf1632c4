using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Tether.Runtime.Tests.Pipeline.Support;
using Xunit;

namespace Tether.Runtime.Tests.Credentials;

/// <summary>A query-string key, a cookie key and a Basic password never reach an exception message or a trace.</summary>
public sealed class SecretRedactionTests
{
    [Theory]
    [InlineData(KeyLocation.Query)]
    [InlineData(KeyLocation.Cookie)]
    [InlineData(KeyLocation.Header)]
    public async Task AnEchoedKey_IsRedactedFromTheApiException(KeyLocation location)
    {
        const string Key = "sk-echoed/secret";
        await using var server = await PipelineServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("{\"error\":{\"message\":\"bad key " + Key + " in " + context.Request.QueryString + "\"}}");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 0));

        var error = await Assert.ThrowsAsync<TetherApiException>(() => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x?limit=1") { Credential = new KeyCredential("key", location, Key, null, null, "O.Key") }));

        Assert.DoesNotContain("sk-echoed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-echoed", error.ResponseBody ?? "", StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Placeholder, error.ResponseBody ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABasicPassword_IsRedacted()
    {
        await using var server = await PipelineServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync("wrong password hunter2 for " + context.Request.Headers.Authorization);
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 0));

        var error = await Assert.ThrowsAsync<TetherApiException>(() => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x") { Credential = new BasicCredential("user", "hunter2", null, null, "O.Basic") }));

        Assert.DoesNotContain("hunter2", error.ResponseBody ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("dXNlcjpodW50ZXIy", error.ResponseBody ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryKey_IsNotInTheTracesUrl()
    {
        var urls = new List<string?>();
        await using var server = await PipelineServer.StartAsync(_ => Task.CompletedTask);
        int port = server.BaseAddress.Port;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TetherTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                // Other tests' spans reach every listener; only this server's count.
                if (activity.GetTagItem("server.port") is int p && p == port)
                {
                    lock (urls)
                    {
                        urls.Add(activity.GetTagItem("url.full") as string);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x") { OperationName = "redactionProbe", Credential = new KeyCredential("key", KeyLocation.Query, "sk-in-query", null, null, "O.Key") });

        var url = Assert.Single(urls);
        Assert.EndsWith("/v1/x", url, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-in-query", url, StringComparison.Ordinal);
    }
}
