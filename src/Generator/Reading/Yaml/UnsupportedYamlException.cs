using System;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.Yaml;

/// <summary>
/// Thrown inside <see cref="BlockYamlReader"/> when the text uses YAML it does not read itself (or is not valid
/// YAML): the reader then answers "not mine" and OpenAPI.NET's own YAML reader takes the text, errors included.
/// </summary>
internal sealed class UnsupportedYamlException : Exception
{
    public UnsupportedYamlException(int line)
        : base("line " + (line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
    {
        Line = line;
    }

    /// <summary>The zero-based line the reader stopped at.</summary>
    public int Line { get; }
}
