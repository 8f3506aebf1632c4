using System.Collections.Generic;
using System.Text;

namespace Tether;

/// <summary>What credentials add to one attempt: headers, query parameters and cookies, applied by the pipeline.</summary>
/// <remarks>
/// Nearly every call carries one credential header: it is held in two fields, and a list is made only for a second.
/// </remarks>
internal sealed class CredentialTarget
{
    private KeyValuePair<string, string> _firstHeader;
    private List<KeyValuePair<string, string>>? _moreHeaders;

    public int HeaderCount { get; private set; }

    public StringBuilder? Query { get; private set; }

    public StringBuilder? Cookies { get; private set; }

    public KeyValuePair<string, string> Header(int index) => index == 0 ? _firstHeader : _moreHeaders![index - 1];

    public void AddHeader(string name, string value)
    {
        if (HeaderCount == 0)
        {
            _firstHeader = new(name, value);
        }
        else
        {
            (_moreHeaders ??= new List<KeyValuePair<string, string>>(1)).Add(new(name, value));
        }

        HeaderCount++;
    }

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
