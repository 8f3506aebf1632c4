using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Tether.Runtime.Tests.Pipeline.Support;
using Xunit;

namespace Tether.Runtime.Tests.Pipeline;

public sealed class CallerTransportTests
{
    [Fact]
    public async Task CallersHttpClient_IsUsedAsGiven_NeverAltered_NorDisposed()
    {
        var seen = new List<string>();
        await using PipelineServer server = await PipelineServer.StartAsync(async context =>
        {
            lock (seen)
            {
                seen.Add($"{context.Request.Headers["X-Caller"]}|{context.Request.Headers["X-Default"]}|{context.Request.Headers["X-Call"]}|{context.Request.Headers.Authorization}|{context.Request.Headers.UserAgent}");
            }

            await context.Response.WriteAsync("""{"text":"ok"}""");
        });
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(77) };
        client.DefaultRequestHeaders.Add("X-Caller", "mine");
        var options = FastOptions.For(server);
        options.DefaultHeaders["X-Default"] = "client-wide";
        options.UserAgent = "MyApp/1.0";

        using (var pipeline = new TetherPipeline(options, client))
        {
            var request = new TetherRequest(HttpMethod.Get, "/x") { BearerToken = "sk-abc", Options = new RequestOptions { Headers = { ["X-Call"] = "per-call" } } };
            await pipeline.SendJsonAsync(request, TestJsonContext.Default.Greeting);
        }

        // Headers arrived: the caller's defaults, the client's, the call's, the credential and the user agent.
        Assert.Equal("mine|client-wide|per-call|Bearer sk-abc|MyApp/1.0", Assert.Single(seen));

        // The client is exactly as the caller left it, and still usable after the pipeline is gone.
        Assert.Equal(TimeSpan.FromSeconds(77), client.Timeout);
        Assert.Null(client.BaseAddress);
        Assert.Equal(new[] { "X-Caller" }, client.DefaultRequestHeaders.Select(header => header.Key));
        Assert.Equal("""{"text":"ok"}""", await client.GetStringAsync(new Uri(server.BaseAddress + "/again")));
    }

    [Fact]
    public async Task CallersHttpClientBaseAddress_IsUsedWhenOptionsHaveNone_PathKept()
    {
        string? path = null;
        await using PipelineServer server = await PipelineServer.StartAsync(context =>
        {
            path = context.Request.Path;
            return Task.CompletedTask;
        });
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var pipeline = new TetherPipeline(new TetherClientOptions { MaxRetries = 0 }, client);

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/models"));

        Assert.Equal("/v1/models", path);
        Assert.Equal(server.BaseAddress, client.BaseAddress);
    }

    [Fact]
    public async Task CallersHandler_IsNotDisposedWithThePipeline()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(context => context.Response.WriteAsync("ok"));
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 7 };

        using (var pipeline = new TetherPipeline(FastOptions.For(server), handler))
        {
            await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x"));
        }

        Assert.Equal(7, handler.MaxConnectionsPerServer);
        using var after = new HttpClient(handler, disposeHandler: false);
        Assert.Equal("ok", await after.GetStringAsync(server.BaseAddress + "/y"));
    }

    [Fact]
    public async Task DisposedPipeline_RefusesCalls()
    {
        await using PipelineServer server = await PipelineServer.StartAsync(_ => Task.CompletedTask);
        var pipeline = new TetherPipeline(FastOptions.For(server));
        pipeline.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/x")));
    }

    [Fact]
    public async Task HeaderPrecedence_CallOverOperationOverClientDefaults()
    {
        string? seen = null;
        await using PipelineServer server = await PipelineServer.StartAsync(context =>
        {
            seen = $"{context.Request.Headers["X-A"]}|{context.Request.Headers["X-B"]}|{context.Request.Headers["X-C"]}|{context.Request.Headers.Accept}";
            return context.Response.WriteAsync("{}");
        });
        var options = FastOptions.For(server);
        options.DefaultHeaders["X-A"] = "default";
        options.DefaultHeaders["X-B"] = "default";
        options.DefaultHeaders["X-C"] = "default";
        using var pipeline = new TetherPipeline(options);
        var request = new TetherRequest(HttpMethod.Get, "/x")
        {
            Options = new RequestOptions { Headers = { ["x-c"] = "call" } },
        };
        request.AddHeader("X-B", "operation").AddHeader("X-C", "operation").AddHeader("X-Skipped", null);

        await pipeline.SendJsonAsync(request, TestJsonContext.Default.Greeting);

        Assert.Equal("default|operation|call|application/json", seen);
    }

    [Fact]
    public void OptionsChangedAfterBuilding_DoNotAffectThePipeline()
    {
        var options = new TetherClientOptions { BaseAddress = new Uri("http://127.0.0.1:9/v1") };
        using var pipeline = new TetherPipeline(options);

        options.BaseAddress = new Uri("http://127.0.0.2:9/other");

        Assert.Equal(new Uri("http://127.0.0.1:9/v1"), pipeline.BaseAddress);
    }

    [Fact]
    public void ContentTypeOfJsonBody_IsSetPerAttempt()
    {
        RequestContent content = RequestContent.Json(new Greeting { Text = "x" }, TestJsonContext.Default.Greeting);

        using HttpContent first = content.CreateHttpContent();
        using HttpContent second = content.CreateHttpContent();

        Assert.NotSame(first, second);
        Assert.Equal(new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }, first.Headers.ContentType);
        Assert.True(content.IsReplayable);
    }
}
