using System.Diagnostics;
using System.Diagnostics.Metrics;
using Tether.EndToEnd.Tests.Support;
using Xunit;

namespace Tether.EndToEnd.Tests;

/// <summary>
/// The generated client names each call for its operation: one <c>Tether</c> span per call named for the operationId,
/// and the duration histogram tagged with it. Only this test's server (its port) is looked at, as other tests run beside it.
/// </summary>
public sealed class TelemetryTests
{
    private const string Completion = """
        {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"Hi!","refusal":null},"logprobs":null,"finish_reason":"stop"}]}
        """;

    [Fact]
    public async Task EachCall_IsOneSpanNamedForItsOperation_AndADurationTaggedWithIt()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Completion);
        using var recorder = new SpanRecorder(server);
        var durations = new List<(double Seconds, string? Operation)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TetherTelemetry.MeterName && instrument.Name == "tether.client.operation.duration")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            string? operation = null;
            foreach (var tag in tags)
            {
                operation = tag.Key == "tether.operation.name" ? tag.Value as string : operation;
            }

            lock (durations)
            {
                durations.Add((value, operation));
            }
        });
        meters.Start();
        using var client = TestClients.Create(server);

        await client.Chat.CreateChatCompletionAsync(Requests.Chat("Hello"));
        await client.Models.ListModelsWithResponseAsync().ContinueWith(_ => { }, TaskScheduler.Default);

        var spans = recorder.Spans;
        var chat = Assert.Single(spans, s => s.DisplayName == "createChatCompletion");
        Assert.Equal(ActivityKind.Client, chat.Kind);
        Assert.Equal("POST", chat.GetTagItem("http.request.method"));
        Assert.Equal(200, chat.GetTagItem("http.response.status_code"));
        Assert.Equal(server.BaseAddress.AbsoluteUri.TrimEnd('/') + "/chat/completions", chat.GetTagItem("url.full"));
        Assert.Single(spans, s => s.DisplayName == "listModels");
        Assert.Contains(durations, d => d.Operation == "createChatCompletion" && d.Seconds > 0);
    }
}
