namespace Tether.Generator.Model;

/// <summary>What a security scheme sends, and so which runtime credential carries it.</summary>
internal enum SecuritySchemeKind
{
    /// <summary>HTTP <c>bearer</c>: <c>Authorization: Bearer …</c>.</summary>
    Bearer,

    /// <summary><c>apiKey</c> in a header.</summary>
    ApiKeyHeader,

    /// <summary><c>apiKey</c> in the query string.</summary>
    ApiKeyQuery,

    /// <summary><c>apiKey</c> in a cookie.</summary>
    ApiKeyCookie,

    /// <summary>HTTP <c>basic</c>: <c>Authorization: Basic base64(user:password)</c>.</summary>
    Basic,

    /// <summary><c>oauth2</c>: a bearer token the caller obtains through the flows the spec describes.</summary>
    OAuth2,

    /// <summary><c>openIdConnect</c>: a bearer token the caller obtains from the provider the spec names.</summary>
    OpenIdConnect,
}
