using System;
using System.Collections.Generic;
using System.Net.Http;

namespace Tether;

/// <summary>
/// One operation call, as generated code describes it to <see cref="TetherPipeline"/>: method, path and query
/// (relative to the base address, already escaped), headers, credential, body and per-call options. A request is
/// built per call and may be sent once; the pipeline creates a fresh <see cref="HttpRequestMessage"/> per attempt.
/// </summary>
/// <example>
/// <code>
/// var request = new TetherRequest(HttpMethod.Get, "/files/" + UriPath.EscapeSegment(fileId) + new QueryStringBuilder().Add("limit", limit))
/// {
///     Credential = new BearerCredential(options.ApiKey, options.ApiKeyEnvironmentVariable, options.ApiKeyProvider, "OpenAIClientOptions.ApiKey"),
///     Options = requestOptions,
/// };
/// </code>
/// </example>
public sealed class TetherRequest
{
    private List<KeyValuePair<string, string>>? _headers;

    /// <summary>Describes a call.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathAndQuery">
    /// Path relative to the base address (a leading <c>/</c> is optional; the base address's own path is kept), with
    /// path parameters escaped by <see cref="UriPath.EscapeSegment(string, string?)"/> and the query from
    /// <see cref="QueryStringBuilder"/>. It is sent exactly as given: no unescaping and no dot-segment removal.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public TetherRequest(HttpMethod method, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        Method = method;
        PathAndQuery = pathAndQuery;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The escaped path and query, relative to the base address.</summary>
    public string PathAndQuery { get; }

    /// <summary>The body, or <see langword="null"/> for none.</summary>
    public RequestContent? Content { get; set; }

    /// <summary>
    /// The credential sent as <c>Authorization: Bearer …</c>, or <see langword="null"/> for none. Never included in
    /// <see cref="ToString"/> or in any exception.
    /// </summary>
    public string? BearerToken { get; set; }

    /// <summary>
    /// The operation's name in the spec (its <c>operationId</c>, e.g. <c>createChatCompletion</c>), or
    /// <see langword="null"/>: names the call in traces, metrics and logs.
    /// </summary>
    public string? OperationName { get; set; }

    /// <summary>
    /// The credential sent with every attempt (a bearer token, an API key, Basic), or <see langword="null"/>; when set,
    /// <see cref="BearerToken"/> is not used. <see cref="Security"/> takes precedence.
    /// </summary>
    public TetherCredential? Credential { get; set; }

    /// <summary>
    /// The operation's security requirement when it is more than one credential (alternatives, or credentials sent
    /// together), or <see langword="null"/>; when set, <see cref="Credential"/> and <see cref="BearerToken"/> are not used.
    /// </summary>
    public TetherSecurity? Security { get; set; }

    /// <summary>Per-call overrides, or <see langword="null"/>.</summary>
    public RequestOptions? Options { get; set; }

    /// <summary>The headers added with <see cref="AddHeader"/>, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers =>
        (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? Array.Empty<KeyValuePair<string, string>>();

    /// <summary>
    /// Adds a header (a header parameter of the operation, say); a <see langword="null"/> value adds nothing, so
    /// optional parameters need no branch. Format non-string values with <see cref="WireFormat"/>.
    /// </summary>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentException">The name is not a valid header name or the value contains a line break.</exception>
    public TetherRequest AddHeader(string name, string? value)
    {
        HeaderValidation.ValidateName(name, nameof(name));
        if (value is not null)
        {
            HeaderValidation.ValidateValue(value, nameof(value));
            (_headers ??= new List<KeyValuePair<string, string>>()).Add(new KeyValuePair<string, string>(name, value));
        }

        return this;
    }

    /// <summary>Method and path, for diagnostics; never the credential.</summary>
    public override string ToString() => $"{Method} {PathAndQuery}";
}
