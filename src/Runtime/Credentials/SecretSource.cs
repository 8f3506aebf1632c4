using System;
using System.Threading;
using System.Threading.Tasks;

namespace Tether;

/// <summary>
/// One secret's sources, shared by the credentials: a callback (asked before every attempt), else a configured value,
/// else an environment variable read at call time.
/// </summary>
internal sealed class SecretSource
{
    private readonly string? _value;
    private readonly string? _environmentVariable;
    private readonly Func<CancellationToken, ValueTask<string>>? _provider;
    private readonly string _settingName;

    public SecretSource(string? value, string? environmentVariable, Func<CancellationToken, ValueTask<string>>? provider, string settingName)
    {
        ArgumentNullException.ThrowIfNull(settingName);
        _value = value;
        _environmentVariable = environmentVariable;
        _provider = provider;
        _settingName = settingName;
    }

    public string SettingName => _settingName;

    public bool IsRefreshable => _provider is not null;

    /// <summary>True when a callback is set or a value can be found now; the OR of a requirement picks by it.</summary>
    public bool IsConfigured => _provider is not null || ApiKeyResolver.Find(_value, _environmentVariable) is not null;

    /// <summary>The value or the environment variable's, for a source without a callback.</summary>
    public string Fixed() => ApiKeyResolver.Resolve(_value, _environmentVariable, _settingName);

    public ValueTask<string> GetAsync(CancellationToken cancellationToken) =>
        _provider is null ? new ValueTask<string>(Fixed()) : FromProviderAsync(_provider, cancellationToken);

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
