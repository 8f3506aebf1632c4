using System.Collections.Generic;
using System.Threading;

namespace Tether.Primitives;

/// <summary>
/// What one call's response reading tolerated, and whether it may: the converters, which see only the reader, find
/// it through an <see cref="AsyncLocal{T}"/> the pipeline sets around deserialization. Set only for strict calls and
/// observed ones (a listener or logger), so an unobserved call pays nothing for it.
/// </summary>
internal sealed class ToleranceJournal
{
    /// <summary>Members named on the span and in the log at most, so that a badly broken response stays a short event.</summary>
    public const int MaxNamesKept = 8;

    private static readonly AsyncLocal<ToleranceJournal?> s_current = new();

    private readonly List<string> _names = new();

    public ToleranceJournal(bool strict) => Strict = strict;

    /// <summary>The journal of the response being read on this flow, or <see langword="null"/> (plain <c>JsonSerializer</c> use).</summary>
    public static ToleranceJournal? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    /// <summary>A value of the wrong kind is an error (<c>TetherClientOptions.StrictResponseReading</c>).</summary>
    public bool Strict { get; }

    /// <summary>How many members were tolerated, nested objects included.</summary>
    public int Count { get; private set; }

    /// <summary>The distinct JSON names tolerated, at most <see cref="MaxNamesKept"/>.</summary>
    public IReadOnlyList<string> Names => _names;

    public void Add(TetherMismatch mismatch)
    {
        Count++;
        if (_names.Count < MaxNamesKept && !_names.Contains(mismatch.Name))
        {
            _names.Add(mismatch.Name);
        }
    }
}
