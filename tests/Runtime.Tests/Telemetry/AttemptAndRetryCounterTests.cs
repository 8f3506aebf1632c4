using Microsoft.AspNetCore.Http;
using Tether.Runtime.Tests.Pipeline.Support;
using Tether.Runtime.Tests.Telemetry.Support;
using Xunit;

namespace Tether.Runtime.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class AttemptAndRetryCounterTests
{
    [Fact]
    public async Task EveryAttemptIsCounted_WithItsOutcome_AndEveryRetryWithItsReason()
    {
        await using PipelineServer server = await PipelineServer.StartAsync((context, number) =>
        {
            context.Response.StatusCode = number switch { 1 => 429, 2 => 503, _ => 200 };
            return Task.CompletedTask;
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 2));
        using var metrics = new MetricRecorder();

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Post, "/x") { OperationName = "counters" });

        IReadOnlyList<Measurement> attempts = metrics.Of(TetherTelemetry.AttemptsMetric, "counters");
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(1, a.Value));
        Assert.All(attempts, a => Assert.Equal("POST", a.Tag("http.request.method")));
        Assert.Equal(new object?[] { 429, 503, 200 }, attempts.Select(a => a.Tag("http.response.status_code")));
        Assert.Equal(new object?[] { "429", "503", null }, attempts.Select(a => a.Tag("error.type")));

        IReadOnlyList<Measurement> retries = metrics.Of(TetherTelemetry.RetriesMetric, "counters");
        Assert.Equal(new object?[] { "429", "503" }, retries.Select(r => r.Tag(TetherTelemetry.RetryReasonTag)));
        Assert.All(retries, r => Assert.Equal(1, r.Value));
        Assert.All(retries, r => Assert.Equal("POST", r.Tag("http.request.method")));
    }

    [Fact]
    public async Task ACallWithoutRetries_CountsOneAttemptAndNoRetry()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(_ => Task.CompletedTask);
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        using var metrics = new MetricRecorder();

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x") { OperationName = "no_retry" });

        Assert.Single(metrics.Of(TetherTelemetry.AttemptsMetric, "no_retry"));
        Assert.Empty(metrics.Of(TetherTelemetry.RetriesMetric, "no_retry"));
    }

    [Fact]
    public async Task AnAttemptTheCallerCancels_IsCountedWithTheCancellation()
    {
        using var cancellation = new CancellationTokenSource();
        await using PipelineServer server = await PipelineServer.StartAsync(context =>
        {
            cancellation.CancelAfter(TimeSpan.FromMilliseconds(100));
            return Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        using var metrics = new MetricRecorder();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x") { OperationName = "cancelled" }, cancellation.Token));

        Measurement attempt = Assert.Single(metrics.Of(TetherTelemetry.AttemptsMetric, "cancelled"));
        Assert.Equal("System.OperationCanceledException", attempt.Tag("error.type"));
        Measurement duration = Assert.Single(metrics.Of(TetherTelemetry.OperationDurationMetric, "cancelled"));
        Assert.Equal("System.OperationCanceledException", duration.Tag("error.type"));
    }
}
