namespace Tether;

/// <summary>
/// One member of a response object that did not fit its declared type and was read tolerantly (see
/// <see cref="TetherMismatchExtensions.GetMismatches"/>).
/// </summary>
public sealed class TetherMismatch
{
    /// <summary>Describes a mismatch.</summary>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="kind">How it disagreed.</param>
    /// <param name="expected">What the spec declares, e.g. <c>an array</c>; <see langword="null"/> for <see cref="TetherMismatchKind.Missing"/>.</param>
    public TetherMismatch(string name, TetherMismatchKind kind, string? expected)
    {
        Name = name;
        Kind = kind;
        Expected = expected;
    }

    /// <summary>The member's JSON name, also its key in <c>AdditionalProperties</c> when the raw value is kept.</summary>
    public string Name { get; }

    /// <summary>How the member disagreed with the spec.</summary>
    public TetherMismatchKind Kind { get; }

    /// <summary>The JSON kind the spec declares (<c>a string</c>, <c>a number</c>, <c>an array</c>, …); <see langword="null"/> when the member was missing.</summary>
    public string? Expected { get; }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        TetherMismatchKind.Missing => Name + ": missing",
        TetherMismatchKind.Null => Name + ": null",
        _ => Name + ": not " + Expected,
    };
}
