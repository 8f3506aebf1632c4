using System.Globalization;
using System.Text;
using Tether.Generator.Reading.Yaml;
using Tether.Generator.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Tether.Generator.Tests.Reading.Yaml;

/// <summary>
/// Character-level mutations of real YAML (the characters YAML gives meaning to, inserted, deleted or swapped in),
/// each read by the block reader and by SharpYaml. The block reader may decline any of them; whatever it reads must
/// be valid YAML that SharpYaml reads to the same tree. Seeded: a failure names its case, and
/// <c>TETHER_FUZZ_SEED</c> changes the campaign.
/// </summary>
public sealed class BlockYamlReaderFuzzTests(ITestOutputHelper output)
{
    private const int MutantsPerSpec = 1500;
    private const int DefaultSeed = 20_261_123;

    // What YAML treats specially, plus ordinary text, so mutants hit every branch of the reader.
    private static readonly string[] Fragments =
    [
        ":", ": ", " #", "#", "-", "- ", "\"", "'", "''", "\\", "\\n", "\\u00e9", "\\x", "|", "|-", "|+", ">", ">-", "[", "]", "{", "}",
        ",", "&a", "*a", "!", "?", "%", "@", "`", "~", "null", "true", "1", "1.5", "-2e3", "0x10", "\t", " ", "  ", "\n", "\n\n",
        "\n  ", "\n    ", "\n- ", "\n  - ", "é", "\u00a0", "text", "key: value", "---", "...",
    ];

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("TETHER_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : DefaultSeed;

    [Fact]
    public void MutantsOfTheOwnSpecAreReadAsSharpYamlReadsThemOrDeclined()
        => Campaign("openapi/openai.yaml", File.ReadAllText(RepositoryPaths.OwnSpec), firstCase: 0);

    [SkippableFact]
    public void MutantsOfOfficialSpecSlicesAreReadAsSharpYamlReadsThemOrDeclined()
    {
        ReferenceData.OfficialSpec();
        // Slices of ~300 lines of components/schemas, cut at schema boundaries (keys at column 4), keep each SharpYaml
        // read cheap while covering the official spec's block scalars, quoting and flow collections.
        var lines = File.ReadAllLines(RepositoryPaths.OfficialSpec);
        var schemas = Array.IndexOf(lines, "  schemas:", Array.IndexOf(lines, "components:"));
        Assert.True(schemas > 0, "components/schemas not found");
        var random = new Random(Seed);
        for (var slice = 0; slice < 10; slice++)
        {
            var start = schemas + 1 + random.Next(lines.Length - schemas - 1000);
            while (!IsSchemaKey(lines[start]))
            {
                start++;
            }

            var end = start + 300;
            while (end < lines.Length && (lines[end].StartsWith("     ", StringComparison.Ordinal) || lines[end].Trim().Length == 0))
            {
                end++;
            }

            var text = string.Join("\n", lines[start..end].Select(line => line.Length >= 4 ? line[4..] : line.TrimStart())) + "\n";
            Campaign($"official spec lines {start + 1}–{end}", text, firstCase: 100_000 * (slice + 1), mutants: MutantsPerSpec / 10);
        }
    }

    private static bool IsSchemaKey(string line) => line.Length > 4 && line.StartsWith("    ", StringComparison.Ordinal) && line[4] != ' ';

    private void Campaign(string name, string baseText, int firstCase, int mutants = MutantsPerSpec)
    {
        Assert.Null(YamlRoutes.Disagreement(baseText));
        var failures = new List<string>();
        var read = 0;
        for (var caseNumber = firstCase; caseNumber < firstCase + mutants; caseNumber++)
        {
            var random = new Random(unchecked((Seed * 1_000_003) + caseNumber));
            var mutant = Mutate(baseText, random);
            if (BlockYamlReader.TryRead(mutant, CancellationToken.None) is not null)
            {
                read++;
            }

            if (YamlRoutes.Disagreement(mutant) is { } disagreement)
            {
                var file = Path.Combine(Path.GetTempPath(), $"tether-yaml-fuzz-{Seed}-{caseNumber}.yaml");
                File.WriteAllText(file, mutant);
                failures.Add($"seed {Seed} case {caseNumber} ({name}, saved as {file}): {disagreement}");
            }
        }

        output.WriteLine($"{name}: {mutants} mutants, {read} read by the block reader, {mutants - read} declined, {failures.Count} disagreements");

        // Both outcomes must occur, or the campaign tests nothing: mutants it reads, and mutants it declines.
        Assert.InRange(read, 1, mutants - 1);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var edits = 1 + random.Next(3);
        for (var edit = 0; edit < edits; edit++)
        {
            var position = random.Next(builder.Length);
            var fragment = Fragments[random.Next(Fragments.Length)];
            switch (random.Next(3))
            {
                case 0:
                    builder.Insert(position, fragment);
                    break;
                case 1:
                    builder.Remove(position, Math.Min(1 + random.Next(4), builder.Length - position));
                    break;
                default:
                    builder.Remove(position, Math.Min(fragment.Length, builder.Length - position)).Insert(position, fragment);
                    break;
            }
        }

        return builder.ToString();
    }
}
