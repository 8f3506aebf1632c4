using System.Reflection;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tether.Generator.Model;
using Tether.Generator.Tests.Support;
using Xunit;

namespace Tether.Generator.Tests.Emitting;

/// <summary>
/// The shipped overlay samples/overlays/openai-embedding-base64.overlay.yaml on the full official spec, through the
/// generator driver: <c>Embedding.embedding</c> becomes a union of a float list and a base64 string, the client
/// compiles without a warning, and both kinds of embeddings response read.
/// </summary>
public sealed class OfficialSpecOverlayTests
{
    private const string ClientSource = """
        namespace App;

        /// <summary>The client under test.</summary>
        [Tether.GenerateClient("openapi/openai.yaml", Operations = new[] { "createEmbedding" }, Overlays = new[] { "openapi/openai-embedding-base64.overlay.yaml" })]
        public partial class OpenAIClient
        {
        }
        """;

    private const string FloatResponse = """
        {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.0023064255,-0.009327292,1.5]}],"model":"text-embedding-3-small","usage":{"prompt_tokens":8,"total_tokens":8}}
        """;

    private static readonly float[] Vector = [0.0023064255f, -0.009327292f, 1.5f];

    private static string OverlayPath => Path.Combine(RepositoryPaths.Root, "samples", "overlays", "openai-embedding-base64.overlay.yaml");

    [SkippableFact]
    public void TheEmbeddingOverlayMakesTheVectorAFloatListOrABase64String()
    {
        var specText = File.ReadAllText(ReferenceData.OfficialSpec());
        var compilation = SourceCompiler.Compile([("OpenAIClient.cs", ClientSource)], SourceCompiler.Net100References);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ClientGenerator().AsSourceGenerator()],
            [
                new InMemoryAdditionalText("/project/openapi/openai.yaml", specText),
                new InMemoryAdditionalText("/project/openapi/openai-embedding-base64.overlay.yaml", File.ReadAllText(OverlayPath)),
            ],
            (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var generatorDiagnostics);
        updated = NullableWarnings.Restore(updated);

        Assert.DoesNotContain(generatorDiagnostics, d => d.Id is "TETHER016" or "TETHER017" or "TETHER018" or "TETHER019" || d.Severity == DiagnosticSeverity.Error);
        var parsed = (ParsedSpec)Assert.Single(TrackedSteps.Outputs(driver.GetRunResult().Results.Single(), TrackingNames.ParsedSpecs)).Value;
        var property = parsed.Model!.Type<ObjectTypeModel>("Embedding").Property("embedding");
        Assert.True(property.Required);
        Assert.Equal(NamedTypeKind.Union, property.Type.NamedKind);
        var union = parsed.Model!.Type<UnionTypeModel>(property.Type.Name!);
        // The names the README shows (naming rules 3, 5 and 7).
        Assert.Equal(("EmbeddingValue", "EmbeddingEmbedding"), (property.Name, union.Name));
        Assert.Equal(["SingleList", "String"], union.Variants.Select(v => v.Name));
        Assert.Equal([Model.JsonValueKind.Array, Model.JsonValueKind.String], union.Variants.Select(v => v.ValueKind));
        var list = union.Variants[0].Type;
        Assert.Equal((TypeRefKind.Array, TypeRefKind.Single), (list.Kind, list.Element!.Kind));
        Assert.Equal(TypeRefKind.String, union.Variants[1].Type.Kind);

        using var image = new MemoryStream();
        var emitted = updated.Emit(image);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} warning(s)/error(s):\n" + string.Join("\n", problems.Take(20).Select(SourceCompiler.Describe)));
        image.Position = 0;
        using var assembly = new LoadedAssembly(image);
        var options = (JsonSerializerOptions)assembly.GetType("App.OpenAIClient").GetProperty("JsonOptions", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var responseType = assembly.GetType("App.OpenAIClientModels.CreateEmbeddingResponse");

        var floats = EmbeddingOf(JsonSerializer.Deserialize(FloatResponse, responseType, options)!);
        Assert.Equal(Vector, Assert.IsAssignableFrom<IEnumerable<float>>(Variant(floats, union.Variants[0].Name)));

        var base64 = Convert.ToBase64String(Vector.SelectMany(BitConverter.GetBytes).ToArray());
        var base64Response = FloatResponse.Replace("[0.0023064255,-0.009327292,1.5]", "\"" + base64 + "\"");
        var model = JsonSerializer.Deserialize(base64Response, responseType, options)!;
        var text = Assert.IsType<string>(Variant(EmbeddingOf(model), union.Variants[1].Name));
        var bytes = Convert.FromBase64String(text);
        Assert.Equal(Vector, Enumerable.Range(0, bytes.Length / 4).Select(i => BitConverter.ToSingle(bytes, i * 4)));
        JsonSemantic.AssertEqual(base64Response, JsonSerializer.Serialize(model, responseType, options));
    }

    /// <summary>data[0].embedding of a deserialized CreateEmbeddingResponse: the union instance.</summary>
    private static object EmbeddingOf(object response)
    {
        var data = (System.Collections.IEnumerable)GeneratedModels.Get(response, "Data")!;
        var first = data.Cast<object>().First();
        return GeneratedModels.Get(first, "EmbeddingValue")!;
    }

    /// <summary>The union's value as the named variant, after checking it is that variant.</summary>
    private static object? Variant(object union, string name)
    {
        Assert.True((bool)GeneratedModels.Get(union, "Is" + name)!, $"{union.GetType().Name} is not {name}");
        return GeneratedModels.Call(union, "As" + name);
    }
}
