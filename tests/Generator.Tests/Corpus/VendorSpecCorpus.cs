using Tether.Generator.Tests.Support;
using Xunit;

namespace Tether.Generator.Tests.Corpus;

/// <summary>
/// The specs the corpus test runs over: every spec in <c>../shared/vendor-specs</c> (required in CI, like all
/// reference data) plus, when <c>TETHER_SPEC_CORPUS</c> names a folder, every spec in it (a larger corpus a developer
/// collected; never part of the repository).
/// </summary>
internal static class VendorSpecCorpus
{
    public const string FolderVariable = "TETHER_SPEC_CORPUS";

    /// <summary>The case that stands for an empty corpus: it skips (or fails where reference data is required).</summary>
    public const string NoSpecs = "(no vendor specs)";

    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>Full paths of the specs, shared ones first, each folder in name order.</summary>
    public static IReadOnlyList<string> Specs()
    {
        var folders = new List<string> { RepositoryPaths.VendorSpecs };
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } extra)
        {
            folders.Add(Path.GetFullPath(extra));
        }

        return folders
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder)
                .Where(file => Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
                .OrderBy(file => file, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>xUnit theory data: one row per spec, or the <see cref="NoSpecs"/> row.</summary>
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var specs = Specs();
        foreach (var spec in specs)
        {
            data.Add(spec);
        }

        if (specs.Count == 0)
        {
            data.Add(NoSpecs);
        }

        return data;
    }

    /// <summary>Whether the spec is one of the shared ones (CI requires those) rather than a local corpus file.</summary>
    public static bool IsShared(string spec) =>
        spec.StartsWith(RepositoryPaths.VendorSpecs + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
