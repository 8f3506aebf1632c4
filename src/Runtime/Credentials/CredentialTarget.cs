using System.Collections.Generic;
using System.Text;

namespace Tether;

/// <summary>What credentials add to one attempt: headers, query parameters and cookies, applied by the pipeline.</summary>
internal sealed class CredentialTarget
{
    public List<KeyValuePair<string, string>> Headers { get; } = new();

    public StringBuilder? Query { get; private set; }

    public StringBuilder? Cookies { get; private set; }

    public void AddQuery(string name, string value)
    {
        Query = Query is null ? new StringBuilder() : Query.Append('&');
        Query.Append(System.Uri.EscapeDataString(name)).Append('=').Append(System.Uri.EscapeDataString(value));
    }

    public void AddCookie(string name, string value)
    {
        Cookies = Cookies is null ? new StringBuilder() : Cookies.Append("; ");
        Cookies.Append(name).Append('=').Append(value);
    }
}
