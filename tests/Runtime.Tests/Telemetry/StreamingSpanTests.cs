using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Tether.Runtime.Tests.Pipeline.Support;
using Tether.Runtime.Tests.Telemetry.Support;
using Xunit;

namespace Tether.Runtime.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class StreamingSpanTests
{
    [Fact]
    public async Task AnEventStreamsSpan_EndsWhenTheStreamEnds_NotWhenTheHeadersArrive()
    {
        var rest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            Sse.Begin(context);
            await Sse.WriteAsync(context, """{"type":"delta","delta":"a"}""");
            await rest.Task.WaitAsync(TimeSpan.FromSeconds(20));
            await Sse.WriteAsync(context, """{"type":"delta","delta":"b"}""");
            await Sse.WriteAsync(context, "[DONE]");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        using var spans = new SpanRecorder();

        Activity caller = Activity.Current!;
        var deltas = new List<string?>();
        var request = new TetherRequest(HttpMethod.Post, "/chat/completions") { OperationName = "createChatCompletion" };
        await foreach (ChunkEvent chunk in pipeline.StreamEventsAsync(request, TestJsonContext.Default.ChunkEvent))
        {
            deltas.Add(chunk.Delta);
            Assert.Same(caller, Activity.Current); // the consumer's code runs in its own context, not in the span
            if (deltas.Count == 1)
            {
                // Headers and a first event are in: the operation is still going on.
                Activity started = Assert.Single(spans.Started, a => a.Source.Name == TetherTelemetry.ActivitySourceName);
                Assert.False(started.IsStopped);
                Assert.Empty(spans.TetherSpans);
                rest.SetResult();
            }
        }

        Assert.Equal(["a", "b"], deltas);
        Assert.Same(caller, Activity.Current);
        Activity span = Assert.Single(spans.TetherSpans);
        Assert.Equal("createChatCompletion", span.DisplayName);
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task LeavingTheStreamEarly_EndsTheSpan()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            Sse.Begin(context);
            await Sse.WriteAsync(context, """{"type":"delta","delta":"a"}""");
            await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        using var spans = new SpanRecorder();

        await foreach (ChunkEvent _ in pipeline.StreamEventsAsync(new TetherRequest(HttpMethod.Post, "/responses"), TestJsonContext.Default.ChunkEvent))
        {
            break;
        }

        Activity span = Assert.Single(spans.TetherSpans);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task AnErrorEventInTheStream_FailsTheSpan()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            Sse.Begin(context);
            await Sse.WriteAsync(context, """{"type":"delta","delta":"a"}""");
            await Sse.WriteAsync(context, """{"type":"error","code":"server_error","message":"crashed"}""", eventType: "error");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        using var spans = new SpanRecorder();

        await Assert.ThrowsAsync<TetherApiException>(async () =>
        {
            await foreach (ChunkEvent _ in pipeline.StreamEventsAsync(new TetherRequest(HttpMethod.Post, "/responses"), TestJsonContext.Default.ChunkEvent))
            {
            }
        });

        Activity span = Assert.Single(spans.TetherSpans);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        // The stream itself was a 200: the exception type says what went wrong.
        Assert.Equal("Tether.TetherApiException", span.GetTagItem("error.type"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
    }
}
