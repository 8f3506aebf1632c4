using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace Tether.Primitives;

/// <summary>
/// The <c>AdditionalProperties</c> of an object read tolerantly: the raw members plus the record of what did not fit.
/// Created only on a mismatch, so an object read as declared keeps a plain dictionary (or none). Generated code and
/// <see cref="TetherMismatchExtensions.GetMismatches"/> use it; callers need not.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TolerantMembers : Dictionary<string, JsonElement>
{
    private readonly List<TetherMismatch> _mismatches = new();

    /// <summary>An empty bag.</summary>
    public TolerantMembers()
    {
    }

    /// <summary>A bag holding the members read before the first mismatch, in their order.</summary>
    /// <param name="members">The members so far.</param>
    public TolerantMembers(IDictionary<string, JsonElement> members)
        : base(members)
    {
    }

    /// <summary>What did not fit, in the order read.</summary>
    public IReadOnlyList<TetherMismatch> Mismatches => _mismatches;

    internal void Add(TetherMismatch mismatch) => _mismatches.Add(mismatch);
}
