using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Tether.EndToEnd.Tests.Support;
using Xunit;

namespace Tether.EndToEnd.Tests.AI;

/// <summary>
/// MEAI's OpenTelemetry and logging middleware on top of the adapter: MEAI's gen_ai span wraps Tether's own span
/// for the HTTP call, so a trace shows both the conversation and the transport (attempts, status).
/// </summary>
public sealed class MiddlewareTests
{
    private const string Completion = """
        {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini-2024-07-18",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Hi there!"},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}
        """;

    [Fact]
    public async Task OpenTelemetry_and_logging_middleware_see_the_call_and_tether_traces_it_beneath()
    {
        var sourceName = "Tests.MEAI." + Guid.NewGuid().ToString("N");
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == sourceName || source.Name == "Tether",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (stopped) { stopped.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        var logs = new RecordingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        await using var server = await FakeOpenAIServer.StartAsync(Completion);
        using var client = TestClients.Create(server);
        using var chat = new ChatClientBuilder(client.AsIChatClient("gpt-4o-mini"))
            .UseOpenTelemetry(sourceName: sourceName)
            .UseLogging(loggerFactory)
            .Build();

        var response = await chat.GetResponseAsync("Hello");

        Assert.Equal("Hi there!", response.Text);
        Activity meai, tether;
        lock (stopped)
        {
            meai = Assert.Single(stopped, a => a.Source.Name == sourceName);
            tether = Assert.Single(stopped, a => a.Source.Name == "Tether" && a.TraceId == meai.TraceId);
        }

        Assert.Equal("openai", meai.GetTagItem("gen_ai.provider.name") ?? meai.GetTagItem("gen_ai.system"));
        Assert.Equal("gpt-4o-mini", meai.GetTagItem("gen_ai.request.model"));
        Assert.Equal("gpt-4o-mini-2024-07-18", meai.GetTagItem("gen_ai.response.model"));
        Assert.Equal(9, Convert.ToInt32(meai.GetTagItem("gen_ai.usage.input_tokens"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(server.BaseAddress.Port, Convert.ToInt32(meai.GetTagItem("server.port"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(meai.SpanId, tether.ParentSpanId);
        Assert.Contains(logs.Messages, m => m.Contains("GetResponseAsync", StringComparison.Ordinal));
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return _messages.ToArray();
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(RecordingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner._messages)
                {
                    owner._messages.Add(formatter(state, exception));
                }
            }
        }
    }
}
