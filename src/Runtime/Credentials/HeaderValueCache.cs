using System.Threading;

namespace Tether;

/// <summary>
/// The last <c>Authorization</c> value a credential made (<c>Bearer …</c>, <c>Basic …</c>), reused while the secret
/// is the same: a fixed key (set, or read from the environment) has one header for the life of the client, not
/// one per attempt. A callback's new token makes a new value. Safe across threads: the pair is replaced as a whole.
/// </summary>
internal struct HeaderValueCache
{
    private Entry? _last;

    public string For(string scheme, string wireValue)
    {
        Entry? last = Volatile.Read(ref _last);
        if (last is not null && string.Equals(last.WireValue, wireValue, System.StringComparison.Ordinal) && ReferenceEquals(last.Scheme, scheme))
        {
            return last.Header;
        }

        var entry = new Entry(scheme, wireValue, string.Concat(scheme, wireValue));
        Volatile.Write(ref _last, entry);
        return entry.Header;
    }

    private sealed record Entry(string Scheme, string WireValue, string Header);
}
