using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Tether.Runtime.Tests.Pipeline.Support;
using Tether.Runtime.Tests.Telemetry.Support;
using Xunit;

namespace Tether.Runtime.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class SpanFailureTests
{
    [Fact]
    public async Task A500AfterRetries_IsAnErrorSpan_WithErrorTypeStatusAndResendCount()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 2));
        using var spans = new SpanRecorder();

        await Assert.ThrowsAsync<TetherApiException>(
            () => pipeline.SendAsync(new TetherRequest(HttpMethod.Post, "/responses") { OperationName = "createResponse" }));

        Activity span = Assert.Single(spans.TetherSpans);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("500", span.GetTagItem("error.type"));
        Assert.Equal(500, span.GetTagItem("http.response.status_code"));
        Assert.Equal(2, span.GetTagItem("http.request.resend_count"));
    }

    [Fact]
    public async Task ARetryThatSucceeds_IsNoError_ButCountsTheResend()
    {
        await using PipelineServer server = await PipelineServer.StartAsync((context, number) =>
        {
            context.Response.StatusCode = number == 1 ? 429 : 200;
            return Task.CompletedTask;
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        using var spans = new SpanRecorder();

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x") { OperationName = "getX" });

        Activity span = Assert.Single(spans.TetherSpans);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(1, span.GetTagItem("http.request.resend_count"));
    }

    [Fact]
    public async Task ATimeout_HasTheExceptionTypeAsErrorType_AndNoStatusCode()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(context => Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted));
        var options = FastOptions.For(server, maxRetries: 0);
        options.Timeout = TimeSpan.FromMilliseconds(200);
        using var pipeline = new TetherPipeline(options);
        using var spans = new SpanRecorder();

        await Assert.ThrowsAsync<TetherTimeoutException>(() => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/slow")));

        Activity span = Assert.Single(spans.TetherSpans);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("Tether.TetherTimeoutException", span.GetTagItem("error.type"));
        Assert.Null(span.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task ABodyThatDoesNotDeserialize_FailsTheSpanToo()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(context => context.Response.WriteAsync("""{"text":42}"""));
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        using var spans = new SpanRecorder();

        await Assert.ThrowsAsync<TetherSerializationException>(
            () => pipeline.SendJsonAsync(new TetherRequest(HttpMethod.Get, "/greeting"), TestJsonContext.Default.Greeting));

        Activity span = Assert.Single(spans.TetherSpans);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("Tether.TetherSerializationException", span.GetTagItem("error.type"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
    }
}
