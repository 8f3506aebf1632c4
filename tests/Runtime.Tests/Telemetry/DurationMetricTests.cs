using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Tether.Runtime.Tests.Pipeline.Support;
using Tether.Runtime.Tests.Telemetry.Support;
using Xunit;

namespace Tether.Runtime.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class DurationMetricTests
{
    [Fact]
    public async Task ASuccessfulCall_RecordsItsDurationInSeconds_TaggedWithOperationMethodAndStatus()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            await Task.Delay(100);
            await context.Response.WriteAsync("""{"text":"hi"}""");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        using var metrics = new MetricRecorder();

        var clock = Stopwatch.StartNew();
        await pipeline.SendJsonAsync(new TetherRequest(HttpMethod.Post, "/embeddings") { OperationName = "duration_ok" }, TestJsonContext.Default.Greeting);
        TimeSpan elapsed = clock.Elapsed;

        Measurement duration = Assert.Single(metrics.Of(TetherTelemetry.OperationDurationMetric, "duration_ok"));
        Assert.Equal("s", duration.Unit);
        Assert.InRange(duration.Value, 0.09, elapsed.TotalSeconds);
        Assert.Equal("POST", duration.Tag("http.request.method"));
        Assert.Equal(200, duration.Tag("http.response.status_code"));
        Assert.False(duration.Tags.ContainsKey("error.type"));
    }

    [Fact]
    public async Task AFailedCall_RecordsOneDuration_WithTheFinalStatusAndErrorType()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 2));
        using var metrics = new MetricRecorder();

        await Assert.ThrowsAsync<TetherApiException>(
            () => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x") { OperationName = "duration_fail" }));

        Measurement duration = Assert.Single(metrics.Of(TetherTelemetry.OperationDurationMetric, "duration_fail"));
        Assert.Equal(500, duration.Tag("http.response.status_code"));
        Assert.Equal("500", duration.Tag("error.type"));
        Assert.Equal("GET", duration.Tag("http.request.method"));
    }

    [Fact]
    public async Task AConnectionFailure_HasNoStatusCode_AndTheExceptionTypeAsErrorType()
    {
        using var pipeline = new TetherPipeline(new TetherClientOptions { BaseAddress = new Uri("http://127.0.0.1:9/v1"), MaxRetries = 0 });
        using var metrics = new MetricRecorder();

        await Assert.ThrowsAsync<TetherConnectionException>(
            () => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x") { OperationName = "duration_refused" }));

        Measurement duration = Assert.Single(metrics.Of(TetherTelemetry.OperationDurationMetric, "duration_refused"));
        Assert.False(duration.Tags.ContainsKey("http.response.status_code"));
        Assert.Equal("Tether.TetherConnectionException", duration.Tag("error.type"));
    }
}
