using Microsoft.AspNetCore.Http;
using Tether.Runtime.Tests.Pipeline.Support;
using Xunit;

namespace Tether.Runtime.Tests.Pipeline;

public sealed class BinaryResponseTests
{
    private static readonly byte[] Audio = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 251)).ToArray();

    [Fact]
    public async Task Stream_DeliversTheBody_AndDescribesIt()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            context.Response.ContentType = "audio/mpeg";
            context.Response.Headers["x-request-id"] = "req_audio";
            context.Response.Headers.ContentDisposition = "attachment; filename=\"speech.mp3\"";
            await context.Response.Body.WriteAsync(Audio);
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        await using TetherResponseStream stream = await pipeline.SendStreamAsync(new TetherRequest(HttpMethod.Post, "/audio/speech"));
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(Audio, copy.ToArray());
        Assert.Equal("audio/mpeg", stream.ContentType);
        Assert.Equal("req_audio", stream.RequestId);
        Assert.Equal("speech.mp3", stream.FileName);
        Assert.False(stream.CanSeek);
    }

    [Fact]
    public async Task DisposingTheStreamEarly_ReleasesTheConnection()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async (context, number) =>
        {
            if (number > 1)
            {
                await context.Response.WriteAsync("ok");
                return;
            }

            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(Audio.AsMemory(0, 1000));
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1 };
        using var pipeline = new TetherPipeline(FastOptions.For(server, maxRetries: 0), handler);

        TetherResponseStream stream = await pipeline.SendStreamAsync(new TetherRequest(HttpMethod.Get, "/files/f/content"));
        byte[] start = new byte[100];
        await stream.ReadExactlyAsync(start);
        await stream.DisposeAsync();

        // One connection allowed: this only succeeds if disposing the stream gave it back.
        var next = new TetherRequest(HttpMethod.Get, "/x") { Options = new RequestOptions { Timeout = TimeSpan.FromSeconds(10) } };
        Assert.Equal("ok"u8.ToArray(), await pipeline.SendBytesAsync(next));
        Assert.Equal(Audio[..100], start);
    }

    [Fact]
    public async Task Bytes_ReturnsTheWholeBody()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(context => context.Response.Body.WriteAsync(Audio).AsTask());
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        byte[] body = await pipeline.SendBytesAsync(new TetherRequest(HttpMethod.Get, "/files/f/content"));

        Assert.Equal(Audio, body);
    }

    [Fact]
    public async Task ErrorStatus_OnABinaryCall_IsAnApiException()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("""{"error":{"message":"No such file","type":"invalid_request_error"}}""");
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        var ex = await Assert.ThrowsAsync<TetherApiException>(() => pipeline.SendStreamAsync(new TetherRequest(HttpMethod.Get, "/files/f/content")));

        Assert.Equal("No such file", ex.ErrorMessage);
    }
}
