using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tether.Extensions.Tests.Support;
using Xunit;

namespace Tether.Extensions.Tests;

public sealed class AddTetherClientLoggingTests
{
    private const string ApiKey = "sk-di-logging-secret-99";

    [Fact]
    public async Task AResolvedClient_LogsRetriesAndFailures_ThroughTheContainersLoggerFactory_UnderItsOwnCategory()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 500;
            return context.Response.WriteAsync("echo: " + context.Request.Headers.Authorization);
        });
        var provider = new RecordingLoggerProvider();
        await using ServiceProvider services = Register(server, logging => logging.AddProvider(provider));

        await Assert.ThrowsAsync<TetherApiException>(() => services.GetRequiredService<ConfiguredClient>().GetAsync("/models"));

        IReadOnlyList<LogEntry> entries = provider.TetherEntries;
        Assert.All(entries, e => Assert.Equal("Tether.ConfiguredClient", e.Category));
        Assert.Equal(
            [(TetherLogEvents.Retry, LogLevel.Information), (TetherLogEvents.Failure, LogLevel.Error)],
            entries.Select(e => (e.EventId.Id, e.Level)));
        Assert.Equal("TetherRetry", entries[0].EventId.Name);
        Assert.Equal(
            $"Retrying GET (GET {server.BaseAddress}/models): attempt 1 failed with 500; next attempt in " + entries[0].State.Single(s => s.Key == "DelayMilliseconds").Value + " ms",
            entries[0].Message);
        Assert.Equal($"GET (GET {server.BaseAddress}/models) failed with 500 after 2 attempt(s)", entries[1].Message);
        Assert.IsType<TetherApiException>(entries[1].Exception);
        Assert.Contains(entries[1].State, s => s.Key == "ErrorType" && Equals(s.Value, "500"));

        // The server echoed the key into the body; neither a message nor a logged exception carries it.
        Assert.All(entries, e =>
        {
            Assert.DoesNotContain(ApiKey, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(ApiKey, e.Exception?.ToString() ?? "", StringComparison.Ordinal);
            Assert.All(e.State, s => Assert.DoesNotContain(ApiKey, s.Value?.ToString() ?? "", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task ALevelAboveWhatTetherWrites_TurnsItsLoggingOff()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        var provider = new RecordingLoggerProvider { MinimumLevel = LogLevel.Critical };
        await using ServiceProvider services = Register(server, logging => logging.AddProvider(provider));
        ConfiguredClient client = services.GetRequiredService<ConfiguredClient>();

        await Assert.ThrowsAsync<TetherApiException>(() => client.GetAsync("/models"));

        Assert.NotNull(client.Options.Logger);
        Assert.False(client.Options.Logger!.IsEnabled);
        Assert.Empty(provider.TetherEntries);
    }

    [Fact]
    public async Task ALoggerSetInConfigureOptions_IsKept()
    {
        var own = new NullTetherLogger();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(new RecordingLoggerProvider()));
        services.AddTetherClient<ConfiguredClient, ConfiguredClientOptions>(
            Configuration("http://127.0.0.1:9/v1"),
            static (http, options) => new ConfiguredClient(http, options),
            (options, _) => options.Logger = own);
        await using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Same(own, provider.GetRequiredService<ConfiguredClient>().Options.Logger);
    }

    private static ServiceProvider Register(LoopbackServer server, Action<ILoggingBuilder> logging)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging);
        services.AddTetherClient<ConfiguredClient, ConfiguredClientOptions>(
            Configuration(server.BaseAddress.ToString()),
            static (http, options) => new ConfiguredClient(http, options),
            static (options, section) =>
            {
                options.ApiKey = section["ApiKey"];
                options.MaxRetries = 1;
                options.InitialRetryDelay = TimeSpan.FromMilliseconds(1);
            });
        return services.BuildServiceProvider();
    }

    private static IConfiguration Configuration(string baseAddress) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OpenAI:BaseAddress"] = baseAddress,
            ["OpenAI:ApiKey"] = ApiKey,
        }).Build().GetSection("OpenAI");

    private sealed class NullTetherLogger : ITetherLogger
    {
        public bool IsEnabled => false;

        public void LogRetry(TetherRetryLogEvent retry)
        {
        }

        public void LogTimeout(TetherTimeoutLogEvent timeout)
        {
        }

        public void LogFailure(TetherFailureLogEvent failure)
        {
        }
    }
}
