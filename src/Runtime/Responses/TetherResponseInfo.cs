using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;

namespace Tether;

/// <summary>
/// What a successful response said besides its body: status, every header, the request id and OpenAI-style
/// rate-limit headers. Returned by the <c>…WithResponseAsync</c> forms of generated operations.
/// </summary>
public class TetherResponseInfo
{
    internal TetherResponseInfo(HttpResponseMessage response)
    {
        Status = response.StatusCode;
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        Copy(response.Headers, headers);
        Copy(response.Content.Headers, headers);
        Headers = headers;
        RequestId = Header("x-request-id");
        RateLimits = TetherRateLimits.From(this);
    }

    internal TetherResponseInfo(TetherResponseInfo other)
    {
        Status = other.Status;
        Headers = other.Headers;
        RequestId = other.RequestId;
        RateLimits = other.RateLimits;
    }

    /// <summary>The HTTP status code (a success code: failures throw <see cref="TetherApiException"/>).</summary>
    public HttpStatusCode Status { get; }

    /// <summary>Every response and content header, by name without regard to case.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The <c>x-request-id</c> header: quote it when asking the service's support about a call.</summary>
    public string? RequestId { get; }

    /// <summary>The <c>x-ratelimit-*</c> headers, or <see langword="null"/> when the response has none.</summary>
    public TetherRateLimits? RateLimits { get; }

    /// <summary>A header's value (several values joined with commas), or <see langword="null"/> when absent.</summary>
    /// <param name="name">The header name, in any case.</param>
    public string? Header(string name) =>
        Headers.TryGetValue(name, out var values) ? (values.Count == 1 ? values[0] : string.Join(",", values)) : null;

    private static void Copy(System.Net.Http.Headers.HttpHeaders from, Dictionary<string, IReadOnlyList<string>> to)
    {
        foreach (var header in from.NonValidated)
        {
            to[header.Key] = header.Value.ToArray();
        }
    }
}
