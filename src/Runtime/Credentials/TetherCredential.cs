using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Tether;

/// <summary>
/// A credential the pipeline adds to every attempt of a call: <see cref="BearerCredential"/> (<c>Authorization: Bearer</c>,
/// also for OAuth 2 and OpenID Connect), <see cref="KeyCredential"/> (an API key in a header, the query or a cookie) or
/// <see cref="BasicCredential"/> (<c>Authorization: Basic</c>). Its secret never appears in a message, log or trace.
/// </summary>
public abstract class TetherCredential
{
    private TetherCredential[]? _alone;

    private protected TetherCredential()
    {
    }

    /// <summary>This credential as the one a call sends, made once: a request with one credential allocates no list.</summary>
    internal IReadOnlyList<TetherCredential> Alone => _alone ??= new[] { this };

    /// <summary>How the user sets the credential, for messages (e.g. <c>OpenAIClientOptions.ApiKey</c>).</summary>
    internal abstract string SettingName { get; }

    /// <summary>True when its secret can be had without failing: a callback, a value, or a set environment variable.</summary>
    internal abstract bool IsConfigured { get; }

    /// <summary>True when a callback supplies the secret, which is then asked before every attempt.</summary>
    internal abstract bool IsRefreshable { get; }

    /// <summary>What goes on the wire (the token, the key, the base64 of <c>user:password</c>), asked before an attempt.</summary>
    internal abstract ValueTask<string> GetWireValueAsync(CancellationToken cancellationToken);

    /// <summary>The wire value of a credential without a callback, read once per call.</summary>
    internal abstract string FixedWireValue();

    /// <summary>Puts the wire value on the attempt.</summary>
    internal abstract void Apply(CredentialTarget target, string wireValue);

    /// <summary>The texts to redact from anything printed: the wire value, and parts of it a server might echo.</summary>
    internal virtual void AddSecrets(List<string> secrets, string wireValue) => secrets.Add(wireValue);
}
