namespace Tether.Generator.Model;

/// <summary>A security scheme of <c>components/securitySchemes</c> the client can send.</summary>
/// <param name="Name">The scheme's key in the spec.</param>
/// <param name="PropertyName">The options property (rule 9), and the stem of its companions.</param>
/// <param name="Kind">What the scheme sends.</param>
/// <param name="ParameterName">The header, query parameter or cookie name of an <c>apiKey</c> scheme, else null.</param>
internal sealed record SecuritySchemeModel(
    string Name,
    string PropertyName,
    string? Description,
    SecuritySchemeKind Kind = SecuritySchemeKind.Bearer,
    string? ParameterName = null)
{
    /// <summary>True when the scheme sends <c>Authorization: Bearer …</c> (bearer, OAuth 2, OpenID Connect).</summary>
    public bool SendsBearer => Kind is SecuritySchemeKind.Bearer or SecuritySchemeKind.OAuth2 or SecuritySchemeKind.OpenIdConnect;
}
