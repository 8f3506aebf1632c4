namespace Tether;

/// <summary>Where a <see cref="KeyCredential"/> sends its key (OpenAPI <c>apiKey</c> scheme's <c>in</c>).</summary>
public enum KeyLocation
{
    /// <summary>A request header, e.g. <c>api-key: …</c>.</summary>
    Header,

    /// <summary>A query parameter, e.g. <c>?key=…</c>; redacted from messages, logs and traces.</summary>
    Query,

    /// <summary>A cookie, e.g. <c>Cookie: session=…</c>.</summary>
    Cookie,
}
