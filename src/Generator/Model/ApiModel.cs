namespace Tether.Generator.Model;

/// <summary>
/// Everything the emitter needs from one OpenAPI document, as plain equatable values. It is what the incremental
/// pipeline caches: as long as the spec text is unchanged this value is equal and nothing downstream re-runs.
/// </summary>
/// <param name="DefaultServerUrl">The first <c>servers</c> entry, used as the default base address.</param>
/// <param name="DefaultSecurity">The document-wide security requirement, if any.</param>
/// <param name="Webhooks">The spec's <c>webhooks</c>, when it declares any with a JSON payload.</param>
internal sealed record ApiModel(
    string Title,
    string? Description,
    string Version,
    string? DefaultServerUrl,
    SecurityRequirementModel? DefaultSecurity,
    EquatableArray<TypeModel> Types,
    EquatableArray<OperationModel> Operations,
    EquatableArray<SecuritySchemeModel> SecuritySchemes,
    WebhookSetModel? Webhooks = null)
{
    /// <summary>The document-wide scheme when its requirement is exactly one scheme, else null.</summary>
    public string? DefaultSecurityScheme => DefaultSecurity?.SingleScheme;
}
