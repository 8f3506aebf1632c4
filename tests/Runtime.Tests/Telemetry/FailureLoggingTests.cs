using System.Net;
using Microsoft.AspNetCore.Http;
using Tether.Runtime.Tests.Pipeline.Support;
using Tether.Runtime.Tests.Telemetry.Support;
using Xunit;

namespace Tether.Runtime.Tests.Telemetry;

public sealed class FailureLoggingTests
{
    [Fact]
    public async Task AFinalFailure_IsLoggedOnce_WithStatusErrorTypeAttemptsAndTheException()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        var logger = new RecordingLogger();
        var options = FastOptions.For(server, maxRetries: 2);
        options.Logger = logger;
        using var pipeline = new TetherPipeline(options);

        var thrown = await Assert.ThrowsAsync<TetherApiException>(
            () => pipeline.SendAsync(new TetherRequest(HttpMethod.Delete, "/files/f1") { OperationName = "deleteFile" }));

        Assert.Equal(2, logger.Retries.Count);
        TetherFailureLogEvent failure = Assert.Single(logger.Failures);
        Assert.Equal("deleteFile", failure.OperationName);
        Assert.Equal("DELETE", failure.Method);
        Assert.Equal(3, failure.Attempts);
        Assert.Equal("500", failure.ErrorType);
        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
        Assert.Same(thrown, failure.Exception);
        Assert.IsType<TetherFailureLogEvent>(logger.Events[^1]); // after the retries
    }

    [Fact]
    public async Task ANonRetryableFailure_IsLoggedWithoutRetries()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(context =>
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        });
        var logger = new RecordingLogger();
        var options = FastOptions.For(server);
        options.Logger = logger;
        using var pipeline = new TetherPipeline(options);

        await Assert.ThrowsAsync<TetherApiException>(() => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/missing")));

        var failure = Assert.IsType<TetherFailureLogEvent>(Assert.Single(logger.Events));
        Assert.Equal(1, failure.Attempts);
        Assert.Equal("404", failure.ErrorType);
        Assert.Null(failure.OperationName);
    }

    [Fact]
    public async Task CallerCancellation_IsNotLoggedAsAFailure()
    {
        using var cancellation = new CancellationTokenSource();
        await using PipelineServer server = await PipelineServer.StartAsync(context =>
        {
            cancellation.CancelAfter(TimeSpan.FromMilliseconds(100));
            return Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
        });
        var logger = new RecordingLogger();
        var options = FastOptions.For(server);
        options.Logger = logger;
        using var pipeline = new TetherPipeline(options);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x"), cancellation.Token));

        Assert.Empty(logger.Events);
    }
}
