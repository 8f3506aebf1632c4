using System;

namespace Tether;

/// <summary>
/// Marks a <c>partial class</c> for the Tether source generator, which fills it with a typed client for the
/// OpenAPI document at the given path. The document must be listed as an MSBuild
/// <c>&lt;AdditionalFiles&gt;</c> item; the path is matched against those items relative to the project.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GenerateClientAttribute : Attribute
{
    /// <param name="specPath">The OpenAPI document (YAML or JSON), relative to the project; either slash works.</param>
    public GenerateClientAttribute(string specPath) => SpecPath = specPath;

    /// <summary>The OpenAPI document the client is generated from.</summary>
    public string SpecPath { get; }
}
