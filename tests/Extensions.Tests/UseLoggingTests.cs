using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tether.Extensions.Tests.Support;
using Xunit;

namespace Tether.Extensions.Tests;

public sealed class UseLoggingTests
{
    [Fact]
    public async Task UseLogging_OnHandBuiltOptions_LogsUnderTetherPipeline_WithTheTimeoutAndFailure()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted));
        var provider = new RecordingLoggerProvider();
        using ILoggerFactory loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(provider));
        var options = new ConfiguredClientOptions
        {
            BaseAddress = server.BaseAddress,
            MaxRetries = 0,
            Timeout = TimeSpan.FromMilliseconds(200),
        }.UseLogging(loggerFactory);
        using var pipeline = new TetherPipeline(options);

        await Assert.ThrowsAsync<TetherTimeoutException>(
            () => pipeline.SendAsync(new TetherRequest(HttpMethod.Post, "/responses") { OperationName = "createResponse" }));

        IReadOnlyList<LogEntry> entries = provider.TetherEntries;
        Assert.All(entries, e => Assert.Equal(TetherLoggingExtensions.DefaultCategoryName, e.Category));
        Assert.Equal([TetherLogEvents.Timeout, TetherLogEvents.Failure], entries.Select(e => e.EventId.Id));
        Assert.Equal(LogLevel.Warning, entries[0].Level);
        Assert.Equal(
            $"createResponse (POST {server.BaseAddress}/responses): attempt 1 hit the AttemptTimeout of 0.2 s (retrying: False)",
            entries[0].Message);
        Assert.Equal(
            $"createResponse (POST {server.BaseAddress}/responses) failed with Tether.TetherTimeoutException after 1 attempt(s)",
            entries[1].Message);
    }

    [Fact]
    public void UseLogging_TakesACategory()
    {
        var provider = new RecordingLoggerProvider();
        using ILoggerFactory loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(provider));

        ITetherLogger logger = new ConfiguredClientOptions().UseLogging(loggerFactory, "MyApp.OpenAI").Logger!;
        logger.LogRetry(new TetherRetryLogEvent(
            "listModels", "GET", "https://api.example.com/v1/models", 1, TimeSpan.FromMilliseconds(500), "429",
            new TetherException("rate limited", attempts: 1)));

        LogEntry entry = Assert.Single(provider.Entries);
        Assert.Equal("MyApp.OpenAI", entry.Category);
        Assert.Equal("Retrying listModels (GET https://api.example.com/v1/models): attempt 1 failed with 429; next attempt in 500 ms", entry.Message);
    }
}
