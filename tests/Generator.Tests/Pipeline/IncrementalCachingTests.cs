using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tether.Generator.Tests.Support;
using Xunit;

namespace Tether.Generator.Tests.Pipeline;

/// <summary>Proves the pipeline is incremental: unrelated edits re-parse nothing, spec edits regenerate.</summary>
public sealed class IncrementalCachingTests
{
    private const string ClientSource = """
        namespace App;
        [Tether.GenerateClient("openapi/petstore.yaml")]
        public partial class PetClient;
        """;

    /// <summary>A spec with one schema, Pet { name }; the overlay caching tests overlay it too.</summary>
    internal const string Spec = """
        openapi: 3.1.0
        info: { title: Pets, version: "1.0" }
        paths: {}
        components:
          schemas:
            Pet:
              type: object
              properties:
                name: { type: string }
        """;

    [Fact]
    public void EditingAnUnrelatedFileReparsesAndReemitsNothing()
    {
        var compilation = GeneratorHarness.CreateCompilation(ClientSource, "namespace App; public class Other { }");
        var driver = GeneratorHarness.CreateDriver(new InMemoryAdditionalText("/project/openapi/petstore.yaml", Spec));
        driver = driver.RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.ElementAt(1),
            CSharpSyntaxTree.ParseText("namespace App; public class Other { public int X; }", GeneratorHarness.ParseOptions, path: "Source1.cs"));
        driver = driver.RunGenerators(edited);

        var result = driver.GetRunResult().Results.Single();
        TrackedSteps.AssertAllOutputs(result, TrackingNames.ParsedSpecs, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        TrackedSteps.AssertAllOutputs(result, TrackingNames.ClientSpecs, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.All(
            result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs),
            output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"an output step re-ran: {output.Reason}"));
    }

    [Fact]
    public void EditingTheSpecReparsesIt()
    {
        var compilation = GeneratorHarness.CreateCompilation(ClientSource);
        var original = new InMemoryAdditionalText("/project/openapi/petstore.yaml", Spec);
        var driver = GeneratorHarness.CreateDriver(original);
        driver = driver.RunGenerators(compilation);

        var edited = new InMemoryAdditionalText("/project/openapi/petstore.yaml", Spec + "        age: { type: integer }\n");
        driver = driver.ReplaceAdditionalText(original, edited).RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        var parseOutputs = TrackedSteps.Outputs(result, TrackingNames.ParsedSpecs);
        Assert.Contains(parseOutputs, output => output.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void EditingTheClientClassDoesNotReparseTheSpec()
    {
        var compilation = GeneratorHarness.CreateCompilation(ClientSource);
        var driver = GeneratorHarness.CreateDriver(new InMemoryAdditionalText("/project/openapi/petstore.yaml", Spec));
        driver = driver.RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText(ClientSource + "\n// a comment moves nothing that matters\n", GeneratorHarness.ParseOptions, path: "Source0.cs"));
        driver = driver.RunGenerators(edited);

        var result = driver.GetRunResult().Results.Single();
        TrackedSteps.AssertAllOutputs(result, TrackingNames.ParsedSpecs, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void ChangingTheSelectedTagsReselectsWithoutReparsing()
    {
        const string TaggedSpec = """
            openapi: 3.1.0
            info: { title: Pets, version: "1.0" }
            paths:
              /pets:
                get:
                  tags: [Pets]
                  operationId: listPets
                  responses:
                    "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } } }
              /stores:
                get:
                  tags: [Stores]
                  operationId: listStores
                  responses:
                    "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Store" } } } }
            components:
              schemas:
                Pet: { type: object, properties: { name: { type: string } } }
                Store: { type: object, properties: { city: { type: string } } }
            """;
        static string Client(string tag) => "namespace App;\n[Tether.GenerateClient(\"openapi/petstore.yaml\", Tags = new[] { \"" + tag + "\" })]\npublic partial class PetClient;\n";
        var compilation = GeneratorHarness.CreateCompilation(Client("Pets"));
        var driver = GeneratorHarness.CreateDriver(new InMemoryAdditionalText("/project/openapi/petstore.yaml", TaggedSpec));
        driver = driver.RunGenerators(compilation);
        Assert.Contains(Generated(driver), text => System.Text.RegularExpressions.Regex.IsMatch(text, @"\bclass Pet\b"));

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText(Client("Stores"), GeneratorHarness.ParseOptions, path: "Source0.cs"));
        driver = driver.RunGenerators(edited);

        var result = driver.GetRunResult().Results.Single();
        TrackedSteps.AssertAllOutputs(result, TrackingNames.ParsedSpecs, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        TrackedSteps.AssertAllOutputs(result, TrackingNames.ClientSpecs, IncrementalStepRunReason.Modified);
        Assert.Contains(Generated(driver), text => System.Text.RegularExpressions.Regex.IsMatch(text, @"\bclass Store\b"));
        Assert.DoesNotContain(Generated(driver), text => System.Text.RegularExpressions.Regex.IsMatch(text, @"\bclass Pet\b"));

        static IEnumerable<string> Generated(GeneratorDriver driver)
            => driver.GetRunResult().Results.Single().GeneratedSources.Select(source => source.SourceText.ToString());
    }
}
