using System.ComponentModel;
using System.Numerics;

namespace Tether.Primitives;

/// <summary>
/// The scoring a generated union converter applies to tell which object variant a JSON object is, when no
/// discriminator settles it alone: each variant still possible scores its constant matches plus what
/// <see cref="Required"/> gives, and the highest score wins, the earlier variant on a tie.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VariantScore
{
    // One missing required member outweighs any number of present ones (at most 64 are tracked).
    private const long MissingWeight = 1000L;

    /// <summary>The evidence of a variant's required members: each present one counts 1, each missing one -1000.</summary>
    /// <param name="seen">A bit per tracked member name the object has.</param>
    /// <param name="mask">The bits of the variant's required members.</param>
    /// <param name="count">How many bits <paramref name="mask"/> has.</param>
    public static long Required(ulong seen, ulong mask, int count)
    {
        var present = BitOperations.PopCount(seen & mask);
        return present - (MissingWeight * (count - present));
    }

    /// <summary>Makes <paramref name="variant"/> the best so far when it scores higher than the best so far.</summary>
    public static void Consider(ref int best, ref long bestScore, int variant, long score)
    {
        if (score > bestScore)
        {
            best = variant;
            bestScore = score;
        }
    }
}
