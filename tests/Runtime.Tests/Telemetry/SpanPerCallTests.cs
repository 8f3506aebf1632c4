using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Tether.Runtime.Tests.Pipeline.Support;
using Tether.Runtime.Tests.Telemetry.Support;
using Xunit;

namespace Tether.Runtime.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class SpanPerCallTests
{
    [Fact]
    public async Task ASuccessfulCall_IsOneClientSpan_NamedForTheOperation_WithTheHttpClientTags()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(context => context.Response.WriteAsync("""{"text":"hi"}"""));
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        using var spans = new SpanRecorder();

        await pipeline.SendJsonAsync(
            new TetherRequest(HttpMethod.Post, "/chat/completions") { OperationName = "createChatCompletion" }, TestJsonContext.Default.Greeting);

        Activity span = Assert.Single(spans.TetherSpans);
        Assert.Equal("createChatCompletion", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("POST", span.GetTagItem("http.request.method"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal(server.Root.Port, span.GetTagItem("server.port"));
        Assert.Equal(server.BaseAddress + "/chat/completions", span.GetTagItem("url.full"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal("createChatCompletion", span.GetTagItem(TetherTelemetry.OperationNameTag));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Null(span.GetTagItem("http.request.resend_count"));
        Assert.Empty(span.Events);
    }

    [Fact]
    public async Task WithoutAnOperationName_TheSpanIsNamedForTheMethod()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(_ => Task.CompletedTask);
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        using var spans = new SpanRecorder();

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Delete, "/files/file-1"));

        Activity span = Assert.Single(spans.TetherSpans);
        Assert.Equal("DELETE", span.DisplayName);
        Assert.Null(span.GetTagItem(TetherTelemetry.OperationNameTag));
    }

    [Fact]
    public async Task EachCall_HasItsOwnSpan_ChildOfTheCallersActivity()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(_ => Task.CompletedTask);
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        using var spans = new SpanRecorder();
        Activity caller = Activity.Current!;

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/models") { OperationName = "listModels" });
        byte[] bytes = await pipeline.SendBytesAsync(new TetherRequest(HttpMethod.Get, "/files/f/content") { OperationName = "downloadFile" });

        Assert.Equal(["listModels", "downloadFile"], spans.TetherSpans.Select(s => s.DisplayName));
        Assert.All(spans.TetherSpans, span => Assert.Equal(caller.SpanId, span.ParentSpanId));
        // The span was current only inside the pipeline: the caller's activity is current again.
        Assert.Same(caller, Activity.Current);
    }
}
