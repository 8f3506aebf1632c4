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

    /// <summary>
    /// Generate only the operations with these tags (the spec's tag names, e.g. <c>"Chat"</c>, <c>"Responses"</c>; the
    /// group names of the generated client work too), plus the models they use. With neither this nor
    /// <see cref="Operations"/>, every operation is generated. For a large spec this is what keeps builds fast.
    /// </summary>
    public string[]? Tags { get; set; }

    /// <summary>
    /// Generate these operations (by <c>operationId</c>, e.g. <c>"createChatCompletion"</c>) in addition to those of
    /// <see cref="Tags"/>, plus the models they use.
    /// </summary>
    public string[]? Operations { get; set; }

    /// <summary>
    /// OpenAPI Overlay documents (Overlay Specification 1.0, YAML or JSON; e.g. <c>"openapi/openai.overlay.yaml"</c>)
    /// applied to the spec in this order before the client is generated: the way to correct or extend a spec you do
    /// not own without editing it. Each must be an MSBuild <c>&lt;AdditionalFiles&gt;</c> item, matched like the spec path.
    /// </summary>
    public string[]? Overlays { get; set; }
}
