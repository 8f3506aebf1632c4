using System;
using Microsoft.Extensions.DependencyInjection;

namespace Tether;

/// <summary>IHttpClientFactory integration: TCP keepalive on the primary handler of a named or typed client.</summary>
public static class TetherHttpClientBuilderExtensions
{
    /// <summary>
    /// Makes <see cref="TcpKeepAlive.CreateHandler(TcpKeepAliveOptions?)"/> the primary handler of this client, so every connection it
    /// opens has TCP keepalive on and survives NAT idle timeouts. Delegating handlers added to the builder still run
    /// in front of it, and the factory still rotates handlers on its own schedule.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddHttpClient</c>.</param>
    /// <param name="options">Keepalive timings; <see cref="TcpKeepAliveOptions.Default"/> when null.</param>
    public static IHttpClientBuilder UseTcpKeepAlive(this IHttpClientBuilder builder, TcpKeepAliveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ConfigurePrimaryHttpMessageHandler(() => TcpKeepAlive.CreateHandler(options));
    }
}
