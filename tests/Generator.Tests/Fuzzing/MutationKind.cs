namespace Tether.Generator.Tests.Fuzzing;

/// <summary>The ways <see cref="SpecMutator"/> breaks a spec: the kinds of damage a real spec file suffers.</summary>
internal enum MutationKind
{
    /// <summary>The file ends at a random offset (a partial download, an editor crash).</summary>
    Truncate,

    /// <summary>One line removed.</summary>
    DeleteLine,

    /// <summary>A key and its whole indented block removed.</summary>
    DeleteNode,

    /// <summary>A <c>$ref</c> pointed somewhere missing, external, malformed, or at another (possibly its own) schema.</summary>
    BreakReference,

    /// <summary>A <c>type</c> value replaced (string ↔ object ↔ array ↔ integer ↔ null, lists, nonsense).</summary>
    SwapType,

    /// <summary>A line's indentation changed (more, less, a tab).</summary>
    BadIndentation,

    /// <summary>A key and its block repeated in the same mapping.</summary>
    DuplicateKey,

    /// <summary>An <c>enum</c>/<c>const</c> emptied, retyped, duplicated, or turned into the other.</summary>
    EditEnum,

    /// <summary>The root <c>openapi</c> version removed or changed.</summary>
    EditVersion,

    /// <summary>A few characters inserted, removed or replaced anywhere.</summary>
    CorruptCharacters,

    /// <summary>Two to four of the above, one after the other.</summary>
    Combined,
}
