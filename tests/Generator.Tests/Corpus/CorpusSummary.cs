namespace Tether.Generator.Tests.Corpus;

/// <summary>One spec's line of the corpus table: what was generated, what it cost, and what the generator said.</summary>
internal sealed record CorpusSummary(
    string Spec,
    string Version,
    long Bytes,
    int Operations,
    long GeneratedBytes,
    long GenerateMilliseconds,
    long CompileMilliseconds,
    IReadOnlyDictionary<string, int> DiagnosticsById)
{
    public const string Header = "corpus\tspec\tversion\tKiB\toperations\tgenerated KiB\tgenerate ms\tcompile ms\tdiagnostics";

    /// <summary>A tab-separated line (prefixed <c>corpus</c>, so it can be grepped from the test log).</summary>
    public override string ToString() =>
        string.Join('\t',
            "corpus",
            Spec,
            Version,
            (Bytes / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Operations.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (GeneratedBytes / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            GenerateMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CompileMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DiagnosticsById.Count == 0 ? "none" : string.Join(' ', DiagnosticsById.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}×{pair.Value}")));
}
