using Microsoft.AspNetCore.Http;
using Tether.Runtime.Tests.Pipeline.Support;
using Tether.Runtime.Tests.Telemetry.Support;
using Xunit;

namespace Tether.Runtime.Tests.Telemetry;

public sealed class TimeoutLoggingTests
{
    [Fact]
    public async Task AttemptTimeouts_AreLogged_WithTheLimitAndItsValue_BeforeTheRetryOrFailure()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(context => Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted));
        var logger = new RecordingLogger();
        var options = FastOptions.For(server, maxRetries: 1);
        options.Timeout = TimeSpan.FromMilliseconds(200);
        options.Logger = logger;
        using var pipeline = new TetherPipeline(options);

        await Assert.ThrowsAsync<TetherTimeoutException>(() => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/slow") { OperationName = "slow" }));

        Assert.Collection(
            logger.Events,
            e =>
            {
                var timeout = Assert.IsType<TetherTimeoutLogEvent>(e);
                Assert.Equal(TetherTimeoutLimit.AttemptTimeout, timeout.Limit);
                Assert.Equal(TimeSpan.FromMilliseconds(200), timeout.Timeout);
                Assert.Equal(1, timeout.Attempt);
                Assert.True(timeout.WillRetry);
                Assert.Equal("slow", timeout.OperationName);
            },
            e => Assert.Equal("Tether.TetherTimeoutException", Assert.IsType<TetherRetryLogEvent>(e).Reason),
            e =>
            {
                var timeout = Assert.IsType<TetherTimeoutLogEvent>(e);
                Assert.Equal(2, timeout.Attempt);
                Assert.False(timeout.WillRetry);
            },
            e => Assert.Equal(2, Assert.IsType<TetherFailureLogEvent>(e).Attempts));
    }

    [Fact]
    public async Task ASilentEventStream_LogsTheStreamIdleTimeout()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            Sse.Begin(context);
            await Sse.WriteAsync(context, """{"type":"delta","delta":"a"}""");
            await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
        });
        var logger = new RecordingLogger();
        var options = FastOptions.For(server);
        // Long enough for the first event to arrive on a busy machine: only the silence after it may trip the limit.
        options.Timeout = TimeSpan.FromSeconds(1);
        options.Logger = logger;
        using var pipeline = new TetherPipeline(options);

        await Assert.ThrowsAsync<TetherTimeoutException>(async () =>
        {
            await foreach (ChunkEvent _ in pipeline.StreamEventsAsync(new TetherRequest(HttpMethod.Post, "/responses"), TestJsonContext.Default.ChunkEvent))
            {
            }
        });

        TetherTimeoutLogEvent timeout = Assert.Single(logger.Timeouts);
        Assert.Equal(TetherTimeoutLimit.StreamIdleTimeout, timeout.Limit);
        Assert.Equal(TimeSpan.FromSeconds(1), timeout.Timeout);
        Assert.False(timeout.WillRetry);
        Assert.Equal("Tether.TetherTimeoutException", Assert.Single(logger.Failures).ErrorType);
    }
}
