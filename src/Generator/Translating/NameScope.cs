using System;
using System.Collections.Generic;
using System.Globalization;
using Tether.Generator.Reading;

namespace Tether.Generator.Translating;

/// <summary>
/// A set of names that must not repeat (types of one client, members of one class, parameters of one method).
/// The first claim of a name gets it; later claims get the lowest free numeric suffix.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public NameScope(IEnumerable<string>? reserved = null)
    {
        if (reserved is not null)
        {
            foreach (var name in reserved)
            {
                _taken.Add(name);
            }
        }
    }

    public bool IsTaken(string name) => _taken.Contains(name);

    /// <summary>Takes <paramref name="candidate"/> or the first free suffixed form; says whether it had to suffix.</summary>
    public string Claim(string candidate, out bool renamed)
    {
        if (_taken.Add(candidate))
        {
            renamed = false;
            return candidate;
        }

        // "Error2" + 2 would read as "Error22"; an underscore keeps the suffix recognizable.
        var separator = candidate.Length > 0 && char.IsDigit(candidate[candidate.Length - 1]) ? "_" : string.Empty;
        for (var suffix = 2; ; suffix++)
        {
            var name = candidate + separator + suffix.ToString(CultureInfo.InvariantCulture);
            if (_taken.Add(name))
            {
                renamed = true;
                return name;
            }
        }
    }

    public string Claim(string candidate) => Claim(candidate, out _);
}
