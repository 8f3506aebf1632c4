using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Tether.Runtime.Tests.Pipeline.Support;
using Xunit;

namespace Tether.Runtime.Tests.Pipeline;

public sealed class TimeoutAndCancellationTests
{
    [Fact]
    public async Task SlowServer_TripsThePerAttemptTimeout_OnEveryAttempt_AndTheExceptionNamesIt()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(context => Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted));
        var options = FastOptions.For(server, maxRetries: 1);
        options.Timeout = TimeSpan.FromMilliseconds(250);
        using var pipeline = new TetherPipeline(options);

        var clock = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<TetherTimeoutException>(() => pipeline.SendAsync(new TetherRequest(HttpMethod.Post, "/responses")));

        Assert.Equal(TetherTimeoutLimit.AttemptTimeout, ex.Limit);
        Assert.Equal(TimeSpan.FromMilliseconds(250), ex.Timeout);
        Assert.Equal(2, ex.Attempts);
        Assert.Contains("per-attempt timeout of 0.25 s", ex.Message);
        Assert.Contains("TetherClientOptions.Timeout", ex.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task PerCallTimeout_OverridesTheClientTimeout()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(context => Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted));
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 0)); // client timeout: 30 s
        var request = new TetherRequest(HttpMethod.Get, "/x") { Options = new RequestOptions { Timeout = TimeSpan.FromMilliseconds(200) } };

        var ex = await Assert.ThrowsAsync<TetherTimeoutException>(() => pipeline.SendAsync(request));

        Assert.Equal(TimeSpan.FromMilliseconds(200), ex.Timeout);
    }

    [Fact]
    public async Task BufferedBody_CountsTowardsTheAttemptTimeout()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            // Headers at once, body never finished: a JSON call must still time out.
            await context.Response.WriteAsync("{\"text\":");
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 0));
        var request = new TetherRequest(HttpMethod.Get, "/x") { Options = new RequestOptions { Timeout = TimeSpan.FromMilliseconds(300) } };

        var ex = await Assert.ThrowsAsync<TetherTimeoutException>(() => pipeline.SendJsonAsync(request, TestJsonContext.Default.Greeting));

        Assert.Equal(TetherTimeoutLimit.AttemptTimeout, ex.Limit);
    }

    [Fact]
    public async Task CallerCancellation_ThrowsOperationCanceled_WithTheCallersToken_NotATimeout()
    {
        using var cancellation = new CancellationTokenSource();
        await using PipelineServer server = await PipelineServer.StartAsync(context =>
        {
            cancellation.CancelAfter(TimeSpan.FromMilliseconds(100)); // while the request is in progress
            return Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x"), cancellation.Token));

        Assert.IsNotAssignableFrom<TetherException>(ex);
        Assert.Equal(cancellation.Token, ex.CancellationToken);
        Assert.Equal(1, server.RequestCount); // cancellation is not retried
    }

    [Fact]
    public async Task CallerCancellation_DuringTheRetryDelay_StopsRetrying()
    {
        using var cancellation = new CancellationTokenSource();
        await using PipelineServer server = await PipelineServer.StartAsync(context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers["Retry-After"] = "30";
            cancellation.CancelAfter(TimeSpan.FromMilliseconds(200)); // lands in the 30 s wait before the retry
            return Task.CompletedTask;
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        var clock = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x"), cancellation.Token));

        Assert.Equal(cancellation.Token, ex.CancellationToken);
        Assert.Equal(1, server.RequestCount);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task AlreadyCancelledToken_SendsNothing()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(_ => Task.CompletedTask);
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x"), new CancellationToken(canceled: true)));

        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task CallersHttpClientTimeout_IsReportedAsATransportTimeout()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(context => Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted));
        using var client = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 0), client);

        var ex = await Assert.ThrowsAsync<TetherTimeoutException>(() => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x")));

        Assert.Equal(TetherTimeoutLimit.TransportTimeout, ex.Limit);
        Assert.Equal(TimeSpan.FromMilliseconds(200), ex.Timeout);
        Assert.Contains("HttpClient", ex.Message);
    }
}
