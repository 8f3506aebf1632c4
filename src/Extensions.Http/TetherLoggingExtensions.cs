using System;
using Microsoft.Extensions.Logging;

namespace Tether;

/// <summary>
/// Connects a Tether client to <c>Microsoft.Extensions.Logging</c>: its retries (Information), timeouts (Warning) and
/// final failures (Error) become log entries with the event ids of <see cref="TetherLogEvents"/>. Clients registered
/// with <see cref="TetherServiceCollectionExtensions.AddTetherClient{TClient, TOptions}"/> get this automatically,
/// under the category <c>Tether.{ClientTypeName}</c>.
/// </summary>
public static class TetherLoggingExtensions
{
    /// <summary>The category used by <see cref="UseLogging{TOptions}(TOptions, ILoggerFactory, string?)"/> when none is given: <c>Tether.Pipeline</c>.</summary>
    public const string DefaultCategoryName = "Tether.Pipeline";

    /// <summary>
    /// Sets <see cref="TetherClientOptions.Logger"/> to write to a logger of <paramref name="loggerFactory"/>, for a
    /// client built by hand: <c>new OpenAIClient(new OpenAIClientOptions().UseLogging(loggerFactory))</c>.
    /// </summary>
    /// <typeparam name="TOptions">The options type, returned as it came for chaining.</typeparam>
    /// <param name="options">The client's options.</param>
    /// <param name="loggerFactory">The application's logger factory.</param>
    /// <param name="categoryName">The logger category; <see cref="DefaultCategoryName"/> when <see langword="null"/>.</param>
    /// <returns><paramref name="options"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="loggerFactory"/> is <see langword="null"/>.</exception>
    public static TOptions UseLogging<TOptions>(this TOptions options, ILoggerFactory loggerFactory, string? categoryName = null)
        where TOptions : TetherClientOptions
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        return options.UseLogging(loggerFactory.CreateLogger(categoryName ?? DefaultCategoryName));
    }

    /// <summary>Sets <see cref="TetherClientOptions.Logger"/> to write to <paramref name="logger"/>.</summary>
    /// <typeparam name="TOptions">The options type, returned as it came for chaining.</typeparam>
    /// <param name="options">The client's options.</param>
    /// <param name="logger">The logger to write to.</param>
    /// <returns><paramref name="options"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="logger"/> is <see langword="null"/>.</exception>
    public static TOptions UseLogging<TOptions>(this TOptions options, ILogger logger)
        where TOptions : TetherClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Logger = new TetherLoggerAdapter(logger);
        return options;
    }
}
