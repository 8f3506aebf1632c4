using System;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tether;

/// <summary>Registers generated Tether clients with dependency injection and <c>IHttpClientFactory</c>.</summary>
public static class TetherServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a typed <see cref="HttpClient"/> client whose settings come from
    /// <paramref name="configuration"/> (see <see cref="TetherClientConfiguration"/> for the keys), whose primary
    /// handler is the TCP keepalive transport (<see cref="TetherHttpClientBuilderExtensions.UseTcpKeepAlive"/>,
    /// timings from <c>KeepAlive:*</c>), and whose <see cref="HttpClient.Timeout"/> is infinite so that only Tether's
    /// per-attempt <see cref="TetherClientOptions.Timeout"/> limits long calls.
    /// </summary>
    /// <typeparam name="TClient">The generated client, e.g. <c>OpenAIClient</c>.</typeparam>
    /// <typeparam name="TOptions">Its generated options class, e.g. <c>OpenAIClientOptions</c>.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The client's section, e.g. <c>builder.Configuration.GetSection("OpenAI")</c>.</param>
    /// <param name="createClient">
    /// Builds the client from the factory's <see cref="HttpClient"/> and the bound options, normally
    /// <c>static (http, options) =&gt; new OpenAIClient(http, options)</c>. A delegate rather than activation by
    /// reflection keeps the registration trimming- and AOT-safe.
    /// </param>
    /// <param name="configureOptions">
    /// Runs after the common keys are bound, for the settings of the generated options class, above all its key:
    /// <c>static (options, section) =&gt; options.ApiKey = section["ApiKey"]</c>. May be <see langword="null"/>.
    /// </param>
    /// <returns>The builder, to add handlers or further configuration.</returns>
    /// <remarks>
    /// <para>
    /// Logging is wired from the container: unless <paramref name="configureOptions"/> sets
    /// <see cref="TetherClientOptions.Logger"/>, the client logs its retries, timeouts and failures through the
    /// <see cref="ILoggerFactory"/> in the container, under the category <c>Tether.{ClientTypeName}</c> (e.g.
    /// <c>Tether.OpenAIClient</c>); see <see cref="TetherLoggingExtensions"/>.
    /// </para>
    /// <para>
    /// The section is read again each time a client is created (a typed client is transient) and each time the factory
    /// builds a new primary handler, so reloaded configuration takes effect without a restart. A bad value throws
    /// <see cref="InvalidOperationException"/> naming its key when the client is resolved. Like every typed client,
    /// <typeparamref name="TClient"/> should not be captured by a singleton: inject it where it is used, or resolve it per
    /// unit of work.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="configuration"/> or <paramref name="createClient"/> is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddTetherClient<TClient, TOptions>(
        this IServiceCollection services,
        IConfiguration configuration,
        Func<HttpClient, TOptions, TClient> createClient,
        Action<TOptions, IConfiguration>? configureOptions = null)
        where TClient : class
        where TOptions : TetherClientOptions, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(createClient);

        return services
            .AddHttpClient<TClient, TClient>((HttpClient httpClient, IServiceProvider serviceProvider) =>
            {
                var options = new TOptions();
                TetherClientConfiguration.Bind(options, configuration);
                configureOptions?.Invoke(options, configuration);
                if (options.Logger is null && serviceProvider.GetService<ILoggerFactory>() is { } loggerFactory)
                {
                    options.UseLogging(loggerFactory, LoggerCategory<TClient>.Name);
                }

                return createClient(httpClient, options);
            })
            .ConfigureHttpClient(static httpClient => httpClient.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => TcpKeepAlive.CreateHandler(TetherClientConfiguration.ReadKeepAlive(configuration)));
    }

    /// <summary>The logger category of a registered client, built once per client type.</summary>
    private static class LoggerCategory<TClient>
    {
        public static readonly string Name = "Tether." + typeof(TClient).Name;
    }
}
