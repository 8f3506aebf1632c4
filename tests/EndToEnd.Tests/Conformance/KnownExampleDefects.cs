namespace Tether.EndToEnd.Tests.Conformance;

/// <summary>
/// An example the spec gets wrong, excluded by name with the reason. <see cref="Confirm"/> re-checks the reason on
/// the example as it is now, so that a fixed example in a newer spec is tested again instead of staying excluded.
/// </summary>
/// <param name="Check">Returns null while the defect is still there, else what changed.</param>
internal sealed record KnownExampleDefect(string Id, string Reason, Func<ExamplePayload, string?> Check)
{
    public string? Confirm(ExamplePayload payload) => Check(payload);
}

/// <summary>The examples of the official spec that contradict their own schema (none are excluded for convenience).</summary>
internal static class KnownExampleDefects
{
    private static readonly KnownExampleDefect[] All =
    [
    ];

    public static KnownExampleDefect? Find(string id) => All.FirstOrDefault(defect => defect.Id == id);
}
