using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Tether.Runtime.Tests.Pipeline.Support;
using Tether.Runtime.Tests.Telemetry.Support;
using Xunit;

namespace Tether.Runtime.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class SpanRedactionTests
{
    private const string ApiKey = "sk-span-secret-4711";

    [Fact]
    public async Task UrlFull_HasNoQueryString_AndNoTagHoldsTheKey()
    {
        string? query = null;
        await using PipelineServer server = await PipelineServer.StartAsync(context =>
        {
            query = context.Request.QueryString.Value;
            context.Response.StatusCode = 503;
            return context.Response.WriteAsync(ApiKey); // a server that echoes the credential
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 1));
        using var spans = new SpanRecorder();
        var request = new TetherRequest(HttpMethod.Get, "/search?key=" + ApiKey + "&q=cats") { BearerToken = ApiKey, OperationName = "search" };

        await Assert.ThrowsAsync<TetherApiException>(() => pipeline.SendAsync(request));

        Assert.Equal("?key=" + ApiKey + "&q=cats", query); // it was sent, so the span had it to leave out
        Activity span = Assert.Single(spans.TetherSpans);
        Assert.Equal(server.BaseAddress + "/search", span.GetTagItem("url.full"));
        IEnumerable<string> texts = span.TagObjects.Select(t => $"{t.Key}={t.Value}")
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")))
            .Append(span.DisplayName)
            .Append(span.StatusDescription ?? "");
        Assert.All(texts, text => Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AKeyInThePath_IsRedactedFromUrlFull()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(_ => Task.CompletedTask);
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        using var spans = new SpanRecorder();

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/keys/" + ApiKey) { BearerToken = ApiKey });

        Activity span = Assert.Single(spans.TetherSpans);
        Assert.Equal(server.BaseAddress + "/keys/[REDACTED]", span.GetTagItem("url.full"));
    }
}
