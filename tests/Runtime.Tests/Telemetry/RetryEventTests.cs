using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Tether.Runtime.Tests.Pipeline.Support;
using Tether.Runtime.Tests.Telemetry.Support;
using Xunit;

namespace Tether.Runtime.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class RetryEventTests
{
    [Fact]
    public async Task EachRetry_IsASpanEvent_WithReasonAttemptAndDelay()
    {
        await using PipelineServer server = await PipelineServer.StartAsync((context, number) =>
        {
            if (number == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers["Retry-After-Ms"] = "30"; // a known delay, to find on the event
            }
            else if (number == 2)
            {
                context.Response.StatusCode = 503;
            }

            return Task.CompletedTask;
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 2));
        using var spans = new SpanRecorder();

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x") { OperationName = "getX" });

        Activity span = Assert.Single(spans.TetherSpans);
        ActivityEvent[] retries = span.Events.ToArray();
        Assert.Equal(2, retries.Length);
        Assert.All(retries, e => Assert.Equal(TetherTelemetry.RetryEventName, e.Name));
        Assert.Equal("429", Tag(retries[0], TetherTelemetry.RetryReasonTag));
        Assert.Equal(1, Tag(retries[0], TetherTelemetry.RetryAttemptTag));
        Assert.Equal(0.03, (double)Tag(retries[0], TetherTelemetry.RetryDelayTag)!, precision: 6);
        Assert.Equal("503", Tag(retries[1], TetherTelemetry.RetryReasonTag));
        Assert.Equal(2, Tag(retries[1], TetherTelemetry.RetryAttemptTag));
        // The backoff: 1 ms doubled once, minus at most 25 % jitter.
        Assert.InRange((double)Tag(retries[1], TetherTelemetry.RetryDelayTag)!, 0.0015, 0.002);
    }

    [Fact]
    public async Task ARetriedTimeout_IsReportedByItsExceptionType()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async (context, number) =>
        {
            if (number == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
            }
        });
        var options = FastOptions.For(server, maxRetries: 1);
        options.Timeout = TimeSpan.FromSeconds(1); // the second attempt must fit in it on a busy machine
        using var pipeline = new TetherPipeline(options);
        using var spans = new SpanRecorder();

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x"));

        ActivityEvent retry = Assert.Single(Assert.Single(spans.TetherSpans).Events);
        Assert.Equal("Tether.TetherTimeoutException", Tag(retry, TetherTelemetry.RetryReasonTag));
    }

    private static object? Tag(ActivityEvent activityEvent, string name) =>
        activityEvent.Tags.FirstOrDefault(t => t.Key == name).Value;
}
