using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tether.Extensions.Tests.Support;
using Tether.Runtime.Tests.Transport;
using Xunit;

namespace Tether.Extensions.Tests;

public sealed class AddTetherClientTests
{
    [Fact]
    public async Task ResolvedClient_SendsWithTheConfiguredAddressKeyAndHeaders()
    {
        var seen = new List<string>();
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            lock (seen)
            {
                seen.Add($"{context.Request.Path} | {context.Request.Headers.Authorization} | {context.Request.Headers.UserAgent} | {context.Request.Headers["OpenAI-Organization"]}");
            }

            return Task.CompletedTask;
        });
        IConfigurationRoot configuration = Configuration(new()
        {
            ["OpenAI:BaseAddress"] = server.BaseAddress.ToString(),
            ["OpenAI:ApiKey"] = "sk-from-config",
            ["OpenAI:UserAgent"] = "di-test/1",
            ["OpenAI:DefaultHeaders:OpenAI-Organization"] = "org-7",
        });
        await using ServiceProvider services = Register(configuration);

        ConfiguredClient client = services.GetRequiredService<ConfiguredClient>();
        await client.GetAsync("/models");

        Assert.Equal(["/v1/models | Bearer sk-from-config | di-test/1 | org-7"], seen);
    }

    [Fact]
    public async Task ResolvedClient_HasNoHttpClientTimeout_SoOnlyTethersPerAttemptTimeoutApplies()
    {
        await using ServiceProvider services = Register(Configuration(new()
        {
            ["OpenAI:BaseAddress"] = "http://127.0.0.1:9/v1",
            ["OpenAI:Timeout"] = "1200",
            ["OpenAI:MaxRetries"] = "4",
        }));

        ConfiguredClient client = services.GetRequiredService<ConfiguredClient>();

        Assert.Equal(Timeout.InfiniteTimeSpan, client.HttpClient.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(1200), client.Options.Timeout);
        Assert.Equal(4, client.Options.MaxRetries);
    }

    [Fact]
    public async Task Configuration_IsReadWhenAClientIsCreated_SoReloadedValuesApply()
    {
        IConfigurationRoot configuration = Configuration(new()
        {
            ["OpenAI:BaseAddress"] = "http://127.0.0.1:9/v1",
            ["OpenAI:MaxRetries"] = "1",
        });
        await using ServiceProvider services = Register(configuration);
        Assert.Equal(1, services.GetRequiredService<ConfiguredClient>().Options.MaxRetries);

        configuration["OpenAI:MaxRetries"] = "6";

        Assert.Equal(6, services.GetRequiredService<ConfiguredClient>().Options.MaxRetries);
    }

    [Fact]
    public async Task InvalidConfiguration_FailsOnResolve_NamingTheKey()
    {
        await using ServiceProvider services = Register(Configuration(new()
        {
            ["OpenAI:BaseAddress"] = "http://127.0.0.1:9/v1",
            ["OpenAI:Timeout"] = "soon",
        }));

        var exception = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<ConfiguredClient>());

        Assert.Contains("'OpenAI:Timeout'", exception.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ResolvedClient_Connections_HaveTheConfiguredKernelKeepAlive()
    {
        Skip.IfNot(SocketTable.IsAvailable, "reads the Linux socket table (/proc/net/tcp)");
        var clientPorts = new List<int>();
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            lock (clientPorts)
            {
                clientPorts.Add(context.Connection.RemotePort);
            }

            return Task.CompletedTask;
        });
        // 20 s, well under the 60 s default, so the timer tells whether the configured value reached the socket.
        await using ServiceProvider services = Register(Configuration(new()
        {
            ["OpenAI:BaseAddress"] = server.BaseAddress.ToString(),
            ["OpenAI:KeepAlive:Time"] = "20",
        }));

        await services.GetRequiredService<ConfiguredClient>().GetAsync("/x");

        int clientPort = Assert.Single(clientPorts);
        (int kind, TimeSpan remaining) = SocketTable.TimerOf(clientPort, server.Root.Port);
        Assert.Equal(SocketTable.KeepAliveTimer, kind);
        Assert.InRange(remaining, TimeSpan.Zero, TimeSpan.FromSeconds(20));
    }

    private static ServiceProvider Register(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddTetherClient<ConfiguredClient, ConfiguredClientOptions>(
            configuration.GetSection("OpenAI"),
            static (http, options) => new ConfiguredClient(http, options),
            static (options, section) => options.ApiKey = section["ApiKey"]);
        return services.BuildServiceProvider();
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
