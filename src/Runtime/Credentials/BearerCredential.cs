using System;
using System.Threading;
using System.Threading.Tasks;

namespace Tether;

/// <summary>
/// Where a security scheme's bearer token comes from, asked once per attempt: a callback (tokens that expire — Entra
/// ID, OAuth — refreshed by your code), else a configured key, else an environment variable read at call time.
/// Generated clients build one per scheme from their options (<c>ApiKeyProvider</c>, <c>ApiKey</c>,
/// <c>ApiKeyEnvironmentVariable</c>).
/// </summary>
public sealed class BearerCredential
{
    private readonly string? _key;
    private readonly string? _environmentVariable;
    private readonly Func<CancellationToken, ValueTask<string>>? _provider;
    private readonly string _settingName;

    /// <summary>Creates the credential.</summary>
    /// <param name="key">A fixed key, or <see langword="null"/>.</param>
    /// <param name="environmentVariable">The variable read when there is no callback and no key, or <see langword="null"/>.</param>
    /// <param name="provider">A callback returning the current token, called before every attempt (it should cache), or <see langword="null"/>.</param>
    /// <param name="settingName">How the user sets the key, for messages (e.g. <c>OpenAIClientOptions.ApiKey</c>).</param>
    public BearerCredential(string? key, string? environmentVariable, Func<CancellationToken, ValueTask<string>>? provider, string settingName)
    {
        ArgumentNullException.ThrowIfNull(settingName);
        _key = key;
        _environmentVariable = environmentVariable;
        _provider = provider;
        _settingName = settingName;
    }

    /// <summary>The token for the next attempt.</summary>
    /// <param name="cancellationToken">The call's token, passed to the callback.</param>
    /// <returns>The token; never empty.</returns>
    /// <exception cref="TetherCredentialException">No source has a token, or the callback failed or returned none.</exception>
    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default) =>
        _provider is null ? new ValueTask<string>(ApiKeyResolver.Resolve(_key, _environmentVariable, _settingName)) : FromProviderAsync(_provider, cancellationToken);

    /// <summary>True when a callback supplies the token, which is then asked before every attempt.</summary>
    internal bool IsRefreshable => _provider is not null;

    /// <summary>The key or the environment variable's value, for a credential without a callback.</summary>
    internal string FixedToken() => ApiKeyResolver.Resolve(_key, _environmentVariable, _settingName);

    private async ValueTask<string> FromProviderAsync(Func<CancellationToken, ValueTask<string>> provider, CancellationToken cancellationToken)
    {
        string token;
        try
        {
            token = await provider(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not TetherCredentialException)
        {
            // The callback's own message is kept (it says why the token could not be had); a token it may hold is not.
            throw new TetherCredentialException($"The credential callback ({_settingName}Provider) failed: {ex.GetType().Name}: {ex.Message}", ex);
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            throw new TetherCredentialException($"The credential callback ({_settingName}Provider) returned no token.");
        }

        return token.Trim();
    }
}
