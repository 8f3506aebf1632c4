using Tether.Generator.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Tether.Generator.Tests.Fuzzing;

/// <summary>
/// Hundreds of broken specs (truncated, nodes deleted, refs broken, types swapped, bad indentation, duplicate keys,
/// enum/const edits, version removed, stray characters, JSON variants) through the whole generator: none may crash
/// it (no exception, no CS8785, no TETHER011), and each must end in generated code or a located error.
/// </summary>
public sealed class GeneratorFuzzTests(ITestOutputHelper output)
{
    // Most mutants come from the repository's own spec (fast); a few from the full official ones (slow, but the real thing).
    private const int OwnYamlMutants = 600;
    private const int OwnJsonMutants = 120;
    private const int OfficialMutants = 24;
    private const int OlderOfficialMutants = 6;


    [Fact]
    public void MutantsOfTheOwnSpecEndInCodeOrLocatedDiagnostics()
    {
        var yaml = File.ReadAllText(RepositoryPaths.OwnSpec);
        var json = YamlToJson.Convert(yaml);
        AssertBaselineGeneratesCode(yaml, isJson: false);
        AssertBaselineGeneratesCode(json, isJson: true);

        var campaign = new FuzzCampaign(output);
        campaign.Run("openapi/openai.yaml", yaml, isJson: false, firstCase: 0, OwnYamlMutants, TimeSpan.FromSeconds(60));
        campaign.Run("openapi/openai.yaml as JSON", json, isJson: true, firstCase: 10_000, OwnJsonMutants, TimeSpan.FromSeconds(60));
        campaign.WriteSummary("Fuzz, own spec");

        AssertCampaign(campaign);
    }

    [SkippableFact]
    public void MutantsOfTheOfficialSpecsEndInCodeOrLocatedDiagnostics()
    {
        ReferenceData.OfficialSpecs();
        var campaign = new FuzzCampaign(output);
        campaign.Run("shared openai.yaml (3.1)", File.ReadAllText(RepositoryPaths.OfficialSpec), isJson: false, firstCase: 20_000, OfficialMutants, TimeSpan.FromMinutes(2));
        campaign.Run("shared openai-2025-04.yaml (3.0)", File.ReadAllText(RepositoryPaths.OfficialSpec2025), isJson: false, firstCase: 30_000, OlderOfficialMutants, TimeSpan.FromMinutes(2));
        campaign.WriteSummary("Fuzz, official specs");

        AssertCampaign(campaign);
    }

    private static void AssertBaselineGeneratesCode(string text, bool isJson)
    {
        // The control: unbroken, the spec generates code without errors, so a mutant's diagnostics come from the mutation.
        var compilation = GeneratorHarness.CreateCompilation(isJson ? FuzzRun.JsonClientSource : FuzzRun.ClientSource);
        var outcome = FuzzRun.Execute(compilation, isJson ? FuzzRun.JsonPath : FuzzRun.YamlPath, text, TimeSpan.FromMinutes(1));
        Assert.Empty(outcome.Violations);
        Assert.True(outcome.GeneratedFiles > 0, "the unmutated spec generates no code");
        Assert.DoesNotContain(outcome.DiagnosticIds, id => id is "TETHER002" or "TETHER003" or "TETHER004" or "TETHER005");
    }

    private static void AssertCampaign(FuzzCampaign campaign)
    {
        Assert.True(campaign.Failures.Count == 0, $"{campaign.Failures.Count} of {campaign.Runs} runs broke the contract:\n" + string.Join("\n", campaign.Failures));

        // Guards the fuzzer itself: mutations that change nothing would prove nothing.
        Assert.True(campaign.UnchangedMutants * 20 <= campaign.Runs, $"{campaign.UnchangedMutants} of {campaign.Runs} mutants equal their base spec");
    }
}
