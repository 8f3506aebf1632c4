using Microsoft.CodeAnalysis;
using Tether.Generator.Tests.Support;
using Xunit;

namespace Tether.Generator.Tests.Pipeline;

/// <summary>Misuse of <c>[GenerateClient]</c> is reported with an ID and a location in the user's code.</summary>
public sealed class TargetDiagnosticsTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: { title: Pets, version: "1.0" }
        paths: {}
        """;

    [Theory]
    [InlineData("namespace App; [Tether.GenerateClient(\"pets.yaml\")] public class PetClient { }", "TETHER006")]
    [InlineData("namespace App; public partial class Outer { [Tether.GenerateClient(\"pets.yaml\")] public partial class PetClient { } }", "TETHER007")]
    [InlineData("namespace App; [Tether.GenerateClient(\"pets.yaml\")] public partial class PetClient<T> { }", "TETHER008")]
    [InlineData("namespace App; [Tether.GenerateClient(\"missing.yaml\")] public partial class PetClient { }", "TETHER001")]
    public void MisuseIsReportedAtTheClass(string source, string expectedId)
    {
        var compilation = GeneratorHarness.CreateCompilation(source);
        var driver = GeneratorHarness.CreateDriver(new InMemoryAdditionalText("/project/pets.yaml", Spec));

        var (_, _, diagnostics) = GeneratorHarness.Run(driver, compilation);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == expectedId);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        // Locations are kept as file + span (never a SyntaxTree) in cached models; they still point into the user's file.
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("Source0.cs", span.Path);
        Assert.True(span.StartLinePosition.Character > 0, "the location is on the class or attribute, not the file start");
    }

    [Theory]
    [InlineData("pets.yaml")]
    [InlineData("./specs/pets.yaml")]
    [InlineData("specs\\pets.yaml")]
    public void SpecPathMatchesWithEitherSlash(string written)
    {
        var source = $"namespace App; [Tether.GenerateClient(@\"{written}\")] public partial class PetClient {{ }}";
        var compilation = GeneratorHarness.CreateCompilation(source);
        var driver = GeneratorHarness.CreateDriver(new InMemoryAdditionalText("/project/specs/pets.yaml", Spec));

        var (_, _, diagnostics) = GeneratorHarness.Run(driver, compilation);

        Assert.DoesNotContain(diagnostics, d => d.Id == "TETHER001");
    }

    [Fact]
    public void APartialPathDoesNotMatchInsideAFileName()
    {
        var source = "namespace App; [Tether.GenerateClient(\"ets.yaml\")] public partial class PetClient { }";
        var compilation = GeneratorHarness.CreateCompilation(source);
        var driver = GeneratorHarness.CreateDriver(new InMemoryAdditionalText("/project/pets.yaml", Spec));

        var (_, _, diagnostics) = GeneratorHarness.Run(driver, compilation);

        Assert.Contains(diagnostics, d => d.Id == "TETHER001");
    }

    [Fact]
    public void AnOverlayMissingFromAdditionalFilesIsReportedAtTheAttributeAndTheOthersApply()
    {
        const string Source = """
            namespace App;
            [Tether.GenerateClient("pets.yaml", Overlays = new[] { "missing.overlay.yaml", "./fixes/pets.overlay.yaml" })]
            public partial class PetClient { }
            """;
        const string Overlay = """
            overlay: 1.0.0
            info: { title: fixes, version: "1" }
            actions:
              - target: $
                update:
                  components: { schemas: { Pet: { type: object, properties: { name: { type: string } } } } }
            """;
        var compilation = GeneratorHarness.CreateCompilation(Source);
        var driver = GeneratorHarness.CreateDriver(
            new InMemoryAdditionalText("/project/pets.yaml", Spec),
            new InMemoryAdditionalText("/project/fixes/pets.overlay.yaml", Overlay));

        var (_, output, diagnostics) = GeneratorHarness.Run(driver, compilation);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "TETHER016");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("missing.overlay.yaml", diagnostic.GetMessage(), StringComparison.Ordinal);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("Source0.cs", span.Path);
        Assert.Equal(1, span.StartLinePosition.Line);
        Assert.NotNull(output.GetTypeByMetadataName("App.PetClientModels.Pet"));
    }
}
