using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Tether.Runtime.Tests.Pipeline.Support;
using Tether.Runtime.Tests.Telemetry.Support;
using Xunit;

namespace Tether.Runtime.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class NoListenerTests
{
    [Fact]
    public async Task WithoutAListener_NoSpanIsCreated_SoActivityCurrentStaysNullWhileSending()
    {
        Assert.Null(Activity.Current);
        await using PipelineServer server = await PipelineServer.StartAsync((context, number) =>
        {
            context.Response.StatusCode = number == 1 ? 503 : 200;
            return Task.CompletedTask;
        });
        using var handler = new CurrentActivityHandler();
        using var pipeline = new TetherPipeline(FastOptions.For(server), handler);

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/models") { OperationName = "listModels" });
        await foreach (string _ in pipeline.StreamEventsAsync(new TetherRequest(HttpMethod.Post, "/responses"), (type, _) => type))
        {
        }

        // Two attempts, then the stream (a 200 without events). WhileSending_TheOperationSpanIsCurrent is the control.
        Assert.Equal(3, handler.Seen.Count);
        Assert.All(handler.Seen, Assert.Null);
        Assert.Null(Activity.Current);
    }
}
