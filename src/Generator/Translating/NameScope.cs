using System;
using System.Collections.Generic;
using System.Globalization;
using Tether.Generator.Reading;

namespace Tether.Generator.Translating;

/// <summary>
/// A set of names that must not repeat (types of one client, members of one class, parameters of one method).
/// The first claim of a name gets it; later claims get the lowest free number (<see cref="Numbered"/>). Every place
/// that names something in the output claims through a scope, so the whole generator has one collision rule.
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

    /// <summary>Takes <paramref name="candidate"/> or the first free numbered form; says whether it had to number it.</summary>
    public string Claim(string candidate, out bool renamed) => Claim(candidate, string.Empty, out renamed);

    public string Claim(string candidate) => Claim(candidate, out _);

    /// <summary>
    /// Takes <paramref name="stem"/> + <paramref name="suffix"/>, or the first free form numbered before the suffix, so
    /// that a convention carried by the suffix still reads right: <c>Foo2Async</c>, not <c>FooAsync2</c>.
    /// </summary>
    public string Claim(string stem, string suffix, out bool renamed)
    {
        renamed = false;
        for (var number = 1; ; number++)
        {
            var name = Numbered(stem, number) + suffix;
            if (_taken.Add(name))
            {
                return name;
            }

            renamed = true;
        }
    }

    /// <summary>
    /// The one numbering rule of every generated name: the first is <paramref name="stem"/> itself, then <c>Foo2</c>,
    /// <c>Foo3</c>, and <c>Error2_2</c> after a name ending in a digit ("Error2" + 2 would read as "Error22").
    /// </summary>
    public static string Numbered(string stem, int number)
    {
        if (number <= 1)
        {
            return stem;
        }

        var separator = stem.Length > 0 && char.IsDigit(stem[stem.Length - 1]) ? "_" : string.Empty;
        return stem + separator + number.ToString(CultureInfo.InvariantCulture);
    }
}
