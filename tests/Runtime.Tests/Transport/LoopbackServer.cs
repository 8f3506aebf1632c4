using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tether.Runtime.Tests.Transport;

/// <summary>
/// A Kestrel server on one loopback address. Every response body is the client's port as the server sees it, which
/// is how a test finds the client socket that carried a request; <c>/hold/{ms}</c> waits that long before answering.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Port => BaseAddress.Port;

    public static async Task<LoopbackServer> StartAsync(IPAddress address, HttpProtocols protocols = HttpProtocols.Http1)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(address, 0, listen => listen.Protocols = protocols));
        WebApplication app = builder.Build();
        app.Run(RespondAsync);
        await app.StartAsync();

        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackServer(app, new Uri(bound));
    }

    public Uri Url(string path) => new(BaseAddress, path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task RespondAsync(HttpContext context)
    {
        string path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/hold/", StringComparison.Ordinal))
        {
            int milliseconds = int.Parse(path.AsSpan("/hold/".Length), CultureInfo.InvariantCulture);
            await Task.Delay(milliseconds, context.RequestAborted);
        }

        await context.Response.WriteAsync(context.Connection.RemotePort.ToString(CultureInfo.InvariantCulture));
    }
}
