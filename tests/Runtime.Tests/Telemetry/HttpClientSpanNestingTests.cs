using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Tether.Runtime.Tests.Pipeline.Support;
using Tether.Runtime.Tests.Telemetry.Support;
using Xunit;

namespace Tether.Runtime.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class HttpClientSpanNestingTests
{
    [Fact]
    public async Task HttpClientsSpans_OnePerAttempt_AreChildrenOfTheOperationSpan()
    {
        await using PipelineServer server = await PipelineServer.StartAsync((context, number) =>
        {
            context.Response.StatusCode = number == 1 ? 502 : 200;
            return Task.CompletedTask;
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        using var spans = new SpanRecorder();

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/models") { OperationName = "listModels" });

        Activity operation = Assert.Single(spans.TetherSpans);
        Assert.Equal(2, spans.HttpClientSpans.Count);
        Assert.All(spans.HttpClientSpans, http =>
        {
            Assert.Equal(SpanRecorder.HttpClientSource, http.Source.Name);
            Assert.Equal(operation.SpanId, http.ParentSpanId);
            Assert.Same(operation, http.Parent);
        });
    }

    [Fact]
    public async Task WhileSending_TheOperationSpanIsCurrent()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(_ => Task.CompletedTask);
        using var handler = new CurrentActivityHandler();
        using var pipeline = new TetherPipeline(FastOptions.For(server), handler);
        using var spans = new SpanRecorder();

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/models") { OperationName = "listModels" });

        Activity operation = Assert.Single(spans.TetherSpans);
        Assert.Same(operation, Assert.Single(handler.Seen));
    }
}
