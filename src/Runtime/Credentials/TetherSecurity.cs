using System;
using System.Collections.Generic;
using System.Linq;

namespace Tether;

/// <summary>
/// An operation's security requirement as its spec states it: alternatives (any one will do), each a set of
/// credentials sent together. The pipeline sends the first alternative whose credentials are all configured; when
/// none is, it sends nothing if <see cref="AllowsAnonymous"/> (the spec's <c>{}</c> alternative), else throws a
/// <see cref="TetherCredentialException"/> naming the settings.
/// </summary>
public sealed class TetherSecurity
{
    private readonly TetherCredential[][] _alternatives;

    /// <summary>Creates the requirement.</summary>
    /// <param name="allowsAnonymous">True when the call may also go without credentials.</param>
    /// <param name="alternatives">The alternatives in the spec's order, each the credentials sent together.</param>
    /// <exception cref="ArgumentException">An alternative is empty or holds <see langword="null"/>.</exception>
    public TetherSecurity(bool allowsAnonymous, params TetherCredential[][] alternatives)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        foreach (TetherCredential[] alternative in alternatives)
        {
            if (alternative is not { Length: > 0 } || Array.IndexOf(alternative, null) >= 0)
            {
                throw new ArgumentException("Each alternative needs one credential or more, none null.", nameof(alternatives));
            }
        }

        AllowsAnonymous = allowsAnonymous;
        _alternatives = alternatives;
    }

    /// <summary>True when the call may go without credentials when none is configured.</summary>
    public bool AllowsAnonymous { get; }

    /// <summary>The credentials to send, or an empty list for none.</summary>
    /// <exception cref="TetherCredentialException">No alternative is fully configured and the call needs credentials.</exception>
    internal IReadOnlyList<TetherCredential> Choose()
    {
        foreach (TetherCredential[] alternative in _alternatives)
        {
            if (alternative.All(credential => credential.IsConfigured))
            {
                return alternative;
            }
        }

        if (AllowsAnonymous)
        {
            return Array.Empty<TetherCredential>();
        }

        // A single alternative reports exactly what is missing, as a lone credential does.
        if (_alternatives.Length == 1)
        {
            return _alternatives[0];
        }

        string choices = string.Join(", or ", _alternatives.Select(alternative => string.Join(" and ", alternative.Select(credential => credential.SettingName))));
        throw new TetherCredentialException($"No credential is configured: set {choices} (or their environment variables).");
    }
}
