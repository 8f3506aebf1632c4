using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tether.Generator.Tests.Support;
using Xunit;

namespace Tether.Generator.Tests.Emitting;

/// <summary>
/// <c>AsIChatClient</c>/<c>AsIEmbeddingGenerator</c>: written when the compilation references Tether.Extensions.AI and
/// the client has the operations in the shape the adapters need, otherwise a TETHER020 info says why. (What they do
/// on the wire is tested in tests/EndToEnd.Tests/AI and tests/Extensions.Tests/AI.)
/// </summary>
public sealed class AIAdapterTests
{
    private const string AIFileSuffix = ".AI.g.cs";

    private static readonly MetadataReference[] AIReferences =
    [
        MetadataReference.CreateFromFile(typeof(Tether.Extensions.AI.ChatCompletionsChatClient<,,>).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.IChatClient).Assembly.Location),
    ];

    private static readonly string RepositorySpec = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "openapi", "openai.yaml"));

    [Fact]
    public void With_the_package_the_repository_spec_gets_both_adapters_and_compiles_without_a_warning()
    {
        var (output, diagnostics) = Generate(ClientSource(), RepositorySpec, withAIPackage: true);

        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning || d.Id == "TETHER020");
        SourceCompiler.AssertClean(output);
        var client = output.GetTypeByMetadataName("App.OpenAIClient")!;
        var chat = Assert.Single(client.GetMembers("AsIChatClient").OfType<IMethodSymbol>());
        Assert.Equal("IChatClient", chat.ReturnType.Name);
        var embeddings = Assert.Single(client.GetMembers("AsIEmbeddingGenerator").OfType<IMethodSymbol>());
        Assert.Equal("IEmbeddingGenerator<string, Embedding<float>>", embeddings.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
    }

    [Fact]
    public void Without_the_package_nothing_is_written_and_nothing_is_said()
    {
        var (output, diagnostics) = Generate(ClientSource(), RepositorySpec, withAIPackage: false);

        Assert.DoesNotContain(output.SyntaxTrees, tree => tree.FilePath.EndsWith(AIFileSuffix, StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Id == "TETHER020");
    }

    [Fact]
    public void A_selection_without_the_operations_gets_no_adapter_and_an_info_for_each()
    {
        var (output, diagnostics) = Generate(ClientSource("Tags = new[] { \"Models\" }"), RepositorySpec, withAIPackage: true);

        Assert.DoesNotContain(output.SyntaxTrees, tree => tree.FilePath.EndsWith(AIFileSuffix, StringComparison.Ordinal));
        var infos = diagnostics.Where(d => d.Id == "TETHER020").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, infos.Count);
        Assert.Contains(infos, m => m.Contains("AsIChatClient", StringComparison.Ordinal) && m.Contains("no 'createChatCompletion' operation", StringComparison.Ordinal));
        Assert.Contains(infos, m => m.Contains("AsIEmbeddingGenerator", StringComparison.Ordinal) && m.Contains("no 'createEmbedding' operation", StringComparison.Ordinal));
        Assert.All(diagnostics.Where(d => d.Id == "TETHER020"), d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        SourceCompiler.AssertClean(output);
    }

    [Fact]
    public void A_chat_operation_that_cannot_stream_gets_no_chat_adapter_but_embeddings_still_get_theirs()
    {
        const string spec = """
            openapi: 3.1.0
            info: { title: Mini, version: "1" }
            paths:
              /chat/completions:
                post:
                  operationId: createChatCompletion
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/ChatRequest' }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/ChatResponse' }
              /embeddings:
                post:
                  operationId: createEmbedding
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/EmbeddingRequest' }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/EmbeddingResponse' }
            components:
              schemas:
                ChatRequest: { type: object, properties: { model: { type: string } } }
                ChatResponse: { type: object, properties: { id: { type: string } } }
                EmbeddingRequest: { type: object, properties: { model: { type: string } } }
                EmbeddingResponse: { type: object, properties: { model: { type: string } } }
            """;

        var (output, diagnostics) = Generate(ClientSource(specPath: "openapi/mini.yaml"), spec, withAIPackage: true, specPath: "/repo/openapi/mini.yaml");

        var info = Assert.Single(diagnostics, d => d.Id == "TETHER020");
        Assert.Contains("no text/event-stream response", info.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var client = output.GetTypeByMetadataName("App.OpenAIClient")!;
        Assert.Empty(client.GetMembers("AsIChatClient"));
        Assert.Single(client.GetMembers("AsIEmbeddingGenerator"));
        SourceCompiler.AssertClean(output);
    }

    private static string ClientSource(string? arguments = null, string specPath = "openapi/openai.yaml") => $$"""
        namespace App;

        /// <summary>The client under test.</summary>
        [Tether.GenerateClient("{{specPath}}"{{(arguments is null ? string.Empty : ", " + arguments)}})]
        public partial class OpenAIClient
        {
        }
        """;

    private static (Compilation Output, IReadOnlyList<Diagnostic> Diagnostics) Generate(string clientSource, string specText, bool withAIPackage, string specPath = "/repo/openapi/openai.yaml")
    {
        ImmutableArray<MetadataReference> references = withAIPackage ? [.. SourceCompiler.Net100References, .. AIReferences] : SourceCompiler.Net100References;
        var compilation = SourceCompiler.Compile([("OpenAIClient.cs", clientSource)], references);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ClientGenerator().AsSourceGenerator()],
            [new InMemoryAdditionalText(specPath, specText)],
            new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose));

        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        output = NullableWarnings.Restore(output);
        return (output, diagnostics);
    }
}
