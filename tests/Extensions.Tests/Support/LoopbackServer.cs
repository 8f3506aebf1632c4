using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tether.Extensions.Tests.Support;

/// <summary>
/// A Kestrel server on 127.0.0.1 (ephemeral port) that runs one handler for every request and counts requests.
/// <see cref="BaseAddress"/> has a <c>/v1</c> path, like real API base addresses, so tests also prove it is kept.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requestCount;

    private LoopbackServer(WebApplication app) => _app = app;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Root { get; private set; } = null!;

    /// <summary>The root plus <c>/v1</c>.</summary>
    public Uri BaseAddress => new(Root, "v1");

    public int RequestCount => Volatile.Read(ref _requestCount);

    public static Task<LoopbackServer> StartAsync(Func<HttpContext, Task> handler) =>
        StartAsync((context, _) => handler(context));

    /// <summary>Starts a server whose handler also gets the request's number, 1 for the first request.</summary>
    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, int, Task> handler)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(async context =>
        {
            int number = Interlocked.Increment(ref server._requestCount);
            await handler(context, number);
        });
        await app.StartAsync();
        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Root = new Uri(bound.TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopTimeout.Token);
        await _app.DisposeAsync();
    }
}
