using System;
using System.Collections.Generic;
using System.Net.Http.Headers;

namespace Tether;

/// <summary>
/// The headers of a webhook delivery, looked up by name without regard to case. Converts implicitly from a
/// <see cref="Dictionary{TKey, TValue}"/> of name to value and from <see cref="HttpHeaders"/>; ASP.NET Core's
/// <c>request.Headers</c> (or any sequence of name → values) goes through <see cref="From{TValues}"/>.
/// </summary>
public readonly struct WebhookHeaders
{
    private readonly Func<string, string?>? _lookup;

    /// <summary>Headers read through <paramref name="lookup"/>, which returns a header's value or <see langword="null"/>.</summary>
    /// <param name="lookup">Called with each header name the verification needs.</param>
    public WebhookHeaders(Func<string, string?> lookup)
    {
        _lookup = lookup ?? throw new ArgumentNullException(nameof(lookup));
    }

    /// <summary>Headers from a map of name to value; names match without regard to case even if the map's comparer is ordinal.</summary>
    public static implicit operator WebhookHeaders(Dictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new WebhookHeaders(name => headers.TryGetValue(name, out var value) ? value : Scan(headers, name));
    }

    /// <summary>Headers of an <see cref="System.Net.Http.HttpRequestMessage"/> or <see cref="System.Net.Http.HttpResponseMessage"/>.</summary>
    public static implicit operator WebhookHeaders(HttpHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new WebhookHeaders(name => headers.TryGetValues(name, out var values) ? string.Join(",", values) : null);
    }

    /// <summary>
    /// Headers from any sequence of name → values, e.g. ASP.NET Core's <c>request.Headers</c>
    /// (<c>WebhookHeaders.From(request.Headers)</c>); several values of one header are joined with commas, as HTTP does.
    /// </summary>
    public static WebhookHeaders From<TValues>(IEnumerable<KeyValuePair<string, TValues>> headers)
        where TValues : IEnumerable<string?>
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new WebhookHeaders(name =>
        {
            foreach (var header in headers)
            {
                if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return string.Join(",", header.Value);
                }
            }

            return null;
        });
    }

    /// <summary>The value of header <paramref name="name"/>, or <see langword="null"/> when it is absent.</summary>
    public string? this[string name] => _lookup?.Invoke(name);

    private static string? Scan(Dictionary<string, string> headers, string name)
    {
        foreach (var header in headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }
}
