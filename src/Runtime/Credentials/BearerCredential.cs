using System;
using System.Threading;
using System.Threading.Tasks;

namespace Tether;

/// <summary>
/// Where a security scheme's bearer token comes from, asked once per attempt: a callback (tokens that expire — Entra
/// ID, OAuth — refreshed by your code), else a configured key, else an environment variable read at call time.
/// Generated clients build one per scheme from their options (<c>ApiKeyProvider</c>, <c>ApiKey</c>,
/// <c>ApiKeyEnvironmentVariable</c>); OAuth 2 and OpenID Connect schemes use it too.
/// </summary>
public sealed class BearerCredential : TetherCredential
{
    private readonly SecretSource _source;
    private HeaderValueCache _header;

    /// <summary>Creates the credential.</summary>
    /// <param name="key">A fixed key, or <see langword="null"/>.</param>
    /// <param name="environmentVariable">The variable read when there is no callback and no key, or <see langword="null"/>.</param>
    /// <param name="provider">A callback returning the current token, called before every attempt (it should cache), or <see langword="null"/>.</param>
    /// <param name="settingName">How the user sets the key, for messages (e.g. <c>OpenAIClientOptions.ApiKey</c>).</param>
    public BearerCredential(string? key, string? environmentVariable, Func<CancellationToken, ValueTask<string>>? provider, string settingName)
    {
        _source = new SecretSource(key, environmentVariable, provider, settingName);
    }

    /// <summary>The token for the next attempt.</summary>
    /// <param name="cancellationToken">The call's token, passed to the callback.</param>
    /// <returns>The token; never empty.</returns>
    /// <exception cref="TetherCredentialException">No source has a token, or the callback failed or returned none.</exception>
    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default) => _source.GetAsync(cancellationToken);

    internal override string SettingName => _source.SettingName;

    internal override bool IsConfigured => _source.IsConfigured;

    /// <summary>True when a callback supplies the token, which is then asked before every attempt.</summary>
    internal override bool IsRefreshable => _source.IsRefreshable;

    /// <summary>The key or the environment variable's value, for a credential without a callback.</summary>
    internal string FixedToken() => _source.Fixed();

    internal override string FixedWireValue() => _source.Fixed();

    internal override ValueTask<string> GetWireValueAsync(CancellationToken cancellationToken) => _source.GetAsync(cancellationToken);

    internal override void Apply(CredentialTarget target, string wireValue) => target.AddHeader("Authorization", _header.For("Bearer ", wireValue));
}
