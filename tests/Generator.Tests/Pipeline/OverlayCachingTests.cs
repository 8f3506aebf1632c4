using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tether.Generator.Model;
using Tether.Generator.Tests.Support;
using Xunit;

namespace Tether.Generator.Tests.Pipeline;

/// <summary>
/// The parse step reads a spec together with its target's overlays: an overlay edit re-parses that combination
/// only, unrelated edits nothing, and each (spec, overlays) combination is parsed once.
/// </summary>
public sealed class OverlayCachingTests
{
    private const string SpecPath = "/project/openapi/petstore.yaml";

    private const string Spec = IncrementalCachingTests.Spec;

    private static readonly string AgeOverlay = PropertyOverlay("age", "integer");

    private static readonly string ColorOverlay = PropertyOverlay("color", "string");

    private static readonly IncrementalStepRunReason[] Untouched = [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged];

    [Fact]
    public void EditingAnOverlayReparsesAndRegenerates()
    {
        var compilation = GeneratorHarness.CreateCompilation(Client("PetClient", "openapi/age.overlay.yaml"));
        var overlay = new InMemoryAdditionalText("/project/openapi/age.overlay.yaml", AgeOverlay);
        var driver = GeneratorHarness.CreateDriver(new InMemoryAdditionalText(SpecPath, Spec), overlay).RunGenerators(compilation);
        Assert.Contains(Models(driver, "PetClient"), text => HasProperty(text, "Age"));

        var edited = new InMemoryAdditionalText("/project/openapi/age.overlay.yaml", AgeOverlay + "\n      color: { type: string }\n");
        driver = driver.ReplaceAdditionalText(overlay, edited).RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        TrackedSteps.AssertAllOutputs(result, TrackingNames.ParsedSpecs, IncrementalStepRunReason.Modified);
        Assert.Contains(Models(driver, "PetClient"), text => HasProperty(text, "Age") && HasProperty(text, "Color"));
    }

    [Fact]
    public void AnUnrelatedEditLeavesEveryStepCached()
    {
        var compilation = GeneratorHarness.CreateCompilation(Client("PetClient", "openapi/age.overlay.yaml"), "namespace App; public class Other { }");
        var driver = GeneratorHarness.CreateDriver(
            new InMemoryAdditionalText(SpecPath, Spec),
            new InMemoryAdditionalText("/project/openapi/age.overlay.yaml", AgeOverlay),
            new InMemoryAdditionalText("/project/notes.txt", "not asked for"));
        driver = driver.RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.ElementAt(1),
            CSharpSyntaxTree.ParseText("namespace App; public class Other { public int X; }", GeneratorHarness.ParseOptions, path: "Source1.cs"));
        driver = driver.RunGenerators(edited);

        var result = driver.GetRunResult().Results.Single();
        foreach (var step in new[] { TrackingNames.RequestedDocuments, TrackingNames.AdditionalDocuments, TrackingNames.SpecInputs, TrackingNames.ParsedSpecs, TrackingNames.ClientSpecs })
        {
            TrackedSteps.AssertAllOutputs(result, step, Untouched);
        }

        Assert.All(
            result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs),
            output => Assert.Contains(output.Reason, Untouched));
    }

    [Fact]
    public void EachSpecAndOverlaysCombinationIsParsedOnceAndAnOverlayEditReparsesOnlyItsOwn()
    {
        var compilation = GeneratorHarness.CreateCompilation(
            Client("AgeClient", "openapi/age.overlay.yaml"),
            Client("ColorClient", "openapi/color.overlay.yaml"),
            Client("PlainClient"),
            Client("OtherPlainClient"));
        var color = new InMemoryAdditionalText("/project/openapi/color.overlay.yaml", ColorOverlay);
        var driver = GeneratorHarness.CreateDriver(
            new InMemoryAdditionalText(SpecPath, Spec),
            new InMemoryAdditionalText("/project/openapi/age.overlay.yaml", AgeOverlay),
            color);
        driver = driver.RunGenerators(compilation);

        // Three combinations: (spec, age), (spec, color), and the spec alone, which the two plain clients share.
        var first = TrackedSteps.Outputs(driver.GetRunResult().Results.Single(), TrackingNames.ParsedSpecs);
        Assert.Equal(3, first.Count);
        Assert.Equal(
            ["age.overlay.yaml", "color.overlay.yaml", string.Empty],
            first.Select(output => string.Join(",", ((ParsedSpec)output.Value).OverlayPaths.Select(Path.GetFileName))).OrderBy(name => name.Length == 0).ThenBy(name => name));
        Assert.Contains(Models(driver, "AgeClient"), text => HasProperty(text, "Age") && !HasProperty(text, "Color"));
        Assert.Contains(Models(driver, "ColorClient"), text => HasProperty(text, "Color") && !HasProperty(text, "Age"));
        Assert.Contains(Models(driver, "PlainClient"), text => HasProperty(text, "Name") && !HasProperty(text, "Age") && !HasProperty(text, "Color"));

        var edited = new InMemoryAdditionalText("/project/openapi/color.overlay.yaml", ColorOverlay.Replace("color:", "colour:"));
        driver = driver.ReplaceAdditionalText(color, edited).RunGenerators(compilation);

        var outputs = TrackedSteps.Outputs(driver.GetRunResult().Results.Single(), TrackingNames.ParsedSpecs);
        var reparsed = Assert.Single(outputs, output => output.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Equal("/project/openapi/color.overlay.yaml", Assert.Single(((ParsedSpec)reparsed.Value).OverlayPaths));
        Assert.All(outputs.Where(output => output != reparsed), output => Assert.Contains(output.Reason, Untouched));
        Assert.Contains(Models(driver, "ColorClient"), text => HasProperty(text, "Colour"));
    }

    /// <summary>An overlay that adds a property to Pet.</summary>
    private static string PropertyOverlay(string property, string type) => $$"""
        overlay: 1.0.0
        info: { title: {{property}}, version: "1" }
        actions:
          - target: $.components.schemas.Pet.properties
            update:
              {{property}}: { type: {{type}} }
        """;

    private static string Client(string name, params string[] overlays)
    {
        var list = overlays.Length == 0 ? string.Empty : ", Overlays = new[] { " + string.Join(", ", overlays.Select(o => "\"" + o + "\"")) + " }";
        return "namespace App;\n[Tether.GenerateClient(\"openapi/petstore.yaml\"" + list + ")]\npublic partial class " + name + ";\n";
    }

    private static IEnumerable<string> Models(GeneratorDriver driver, string client)
        => driver.GetRunResult().Results.Single().GeneratedSources
            .Where(source => source.HintName.Contains(client + ".Models", StringComparison.Ordinal))
            .Select(source => source.SourceText.ToString());

    private static bool HasProperty(string source, string name) => Regex.IsMatch(source, @"\bpublic [^\n]*\b" + name + @" \{ get;");
}
