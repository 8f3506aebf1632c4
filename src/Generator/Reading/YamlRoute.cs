using Tether.Generator.Translating;

namespace Tether.Generator.Reading;

/// <summary>How <see cref="SpecReader"/> reads a YAML spec; the tests read every spec both ways and compare.</summary>
internal enum YamlRoute
{
    /// <summary><see cref="Yaml.BlockYamlReader"/> when the text is block YAML it takes, else OpenAPI.NET's YAML reader.</summary>
    BlockReaderFirst,

    /// <summary>Always OpenAPI.NET's YAML reader (SharpYaml underneath).</summary>
    OpenApiReaderOnly,
}
