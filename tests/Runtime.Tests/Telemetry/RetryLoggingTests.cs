using Microsoft.AspNetCore.Http;
using Tether.Runtime.Tests.Pipeline.Support;
using Tether.Runtime.Tests.Telemetry.Support;
using Xunit;

namespace Tether.Runtime.Tests.Telemetry;

public sealed class RetryLoggingTests
{
    [Fact]
    public async Task EachRetry_IsLogged_WithReasonAttemptDelayAndTheCall()
    {
        await using PipelineServer server = await PipelineServer.StartAsync((context, number) =>
        {
            if (number == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers["Retry-After-Ms"] = "25";
            }

            return Task.CompletedTask;
        });
        var logger = new RecordingLogger();
        var options = FastOptions.For(server);
        options.Logger = logger;
        using var pipeline = new TetherPipeline(options);

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Post, "/chat/completions?stream=false") { OperationName = "createChatCompletion" });

        TetherLogEvent only = Assert.Single(logger.Events);
        var retry = Assert.IsType<TetherRetryLogEvent>(only);
        Assert.Equal("createChatCompletion", retry.OperationName);
        Assert.Equal("POST", retry.Method);
        Assert.Equal(server.BaseAddress + "/chat/completions", retry.Url);
        Assert.Equal(1, retry.Attempt);
        Assert.Equal(TimeSpan.FromMilliseconds(25), retry.Delay);
        Assert.Equal("429", retry.Reason);
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, Assert.IsType<TetherApiException>(retry.Failure).StatusCode);
    }

    [Fact]
    public async Task ADisabledLogger_HearsNothing()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        var logger = new RecordingLogger { IsEnabled = false };
        var options = FastOptions.For(server);
        options.Logger = logger;
        using var pipeline = new TetherPipeline(options);

        await Assert.ThrowsAsync<TetherApiException>(() => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x")));

        Assert.Equal(3, server.RequestCount);
        Assert.Empty(logger.Events);
    }
}
