using System;
using System.Threading;
using System.Threading.Tasks;

namespace Tether;

/// <summary>
/// An API key sent in a header, a query parameter or a cookie (OpenAPI <c>apiKey</c> schemes), from a callback, else a
/// configured key, else an environment variable read at call time. Generated clients build one per scheme from their
/// options (<c>{Scheme}</c>, <c>{Scheme}EnvironmentVariable</c>, <c>{Scheme}Provider</c>).
/// </summary>
public sealed class KeyCredential : TetherCredential
{
    private readonly SecretSource _source;

    /// <summary>Creates the credential.</summary>
    /// <param name="name">The header, query parameter or cookie name, e.g. <c>api-key</c>.</param>
    /// <param name="location">Where the key is sent.</param>
    /// <param name="key">A fixed key, or <see langword="null"/>.</param>
    /// <param name="environmentVariable">The variable read when there is no callback and no key, or <see langword="null"/>.</param>
    /// <param name="provider">A callback returning the current key, called before every attempt (it should cache), or <see langword="null"/>.</param>
    /// <param name="settingName">How the user sets the key, for messages (e.g. <c>AzureClientOptions.ApiKey</c>).</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or not a valid header name for a header key.</exception>
    public KeyCredential(string name, KeyLocation location, string? key, string? environmentVariable, Func<CancellationToken, ValueTask<string>>? provider, string settingName)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (location == KeyLocation.Header)
        {
            HeaderValidation.ValidateName(name, nameof(name));
        }

        Name = name;
        Location = location;
        _source = new SecretSource(key, environmentVariable, provider, settingName);
    }

    /// <summary>The header, query parameter or cookie name.</summary>
    public string Name { get; }

    /// <summary>Where the key is sent.</summary>
    public KeyLocation Location { get; }

    internal override string SettingName => _source.SettingName;

    internal override bool IsConfigured => _source.IsConfigured;

    internal override bool IsRefreshable => _source.IsRefreshable;

    /// <summary>The key for the next attempt.</summary>
    /// <param name="cancellationToken">The call's token, passed to the callback.</param>
    /// <returns>The key; never empty.</returns>
    /// <exception cref="TetherCredentialException">No source has a key, or the callback failed or returned none.</exception>
    public ValueTask<string> GetKeyAsync(CancellationToken cancellationToken = default) => _source.GetAsync(cancellationToken);

    internal override ValueTask<string> GetWireValueAsync(CancellationToken cancellationToken) => _source.GetAsync(cancellationToken);

    internal override string FixedWireValue() => _source.Fixed();

    internal override void Apply(CredentialTarget target, string wireValue)
    {
        switch (Location)
        {
            case KeyLocation.Query:
                target.AddQuery(Name, wireValue);
                break;
            case KeyLocation.Cookie:
                target.AddCookie(Name, wireValue);
                break;
            default:
                target.AddHeader(Name, wireValue);
                break;
        }
    }

    internal override void AddSecrets(System.Collections.Generic.List<string> secrets, string wireValue)
    {
        secrets.Add(wireValue);
        // In a URL the key is percent-encoded; a server echoing the URL echoes that form.
        if (Location == KeyLocation.Query && Uri.EscapeDataString(wireValue) is var escaped && escaped != wireValue)
        {
            secrets.Add(escaped);
        }
    }
}
