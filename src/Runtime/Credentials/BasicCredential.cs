using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Tether;

/// <summary>
/// HTTP Basic authentication (<c>Authorization: Basic base64(user:password)</c>): a user name and a password, each
/// configured or read from its environment variable at call time. Generated clients build one per scheme from their
/// options (<c>{Scheme}UserName</c>, <c>{Scheme}Password</c> and their <c>…EnvironmentVariable</c> properties).
/// </summary>
public sealed class BasicCredential : TetherCredential
{
    private readonly SecretSource _userName;
    private readonly SecretSource _password;
    private readonly string _settingName;
    private HeaderValueCache _header;

    /// <summary>Creates the credential.</summary>
    /// <param name="userName">The user name (an account id, say), or <see langword="null"/>.</param>
    /// <param name="password">The password (a token, say), or <see langword="null"/>.</param>
    /// <param name="userNameEnvironmentVariable">The variable read when <paramref name="userName"/> is not set, or <see langword="null"/>.</param>
    /// <param name="passwordEnvironmentVariable">The variable read when <paramref name="password"/> is not set, or <see langword="null"/>.</param>
    /// <param name="settingName">How the user sets the credential, for messages (e.g. <c>TwilioClientOptions.AccountSidAuthToken</c>); <c>UserName</c>/<c>Password</c> is appended.</param>
    public BasicCredential(string? userName, string? password, string? userNameEnvironmentVariable, string? passwordEnvironmentVariable, string settingName)
    {
        ArgumentNullException.ThrowIfNull(settingName);
        _settingName = settingName;
        _userName = new SecretSource(userName, userNameEnvironmentVariable, null, settingName + "UserName");
        _password = new SecretSource(password, passwordEnvironmentVariable, null, settingName + "Password");
    }

    internal override string SettingName => _settingName;

    internal override bool IsConfigured => _userName.IsConfigured && _password.IsConfigured;

    internal override bool IsRefreshable => false;

    internal override ValueTask<string> GetWireValueAsync(CancellationToken cancellationToken) => new(FixedWireValue());

    internal override string FixedWireValue()
    {
        string userName = _userName.Fixed();
        if (userName.Contains(':', StringComparison.Ordinal))
        {
            throw new TetherCredentialException($"The user name of {_settingName} contains ':', which Basic authentication cannot carry.");
        }

        return Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + _password.Fixed()));
    }

    internal override void Apply(CredentialTarget target, string wireValue) => target.AddHeader("Authorization", _header.For("Basic ", wireValue));

    internal override void AddSecrets(List<string> secrets, string wireValue)
    {
        secrets.Add(wireValue);
        string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(wireValue));
        string password = decoded[(decoded.IndexOf(':', StringComparison.Ordinal) + 1)..];
        if (password.Length > 0)
        {
            secrets.Add(password);
        }
    }
}
