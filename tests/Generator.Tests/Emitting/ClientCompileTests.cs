using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tether.Generator.Tests.Support;
using Xunit;

namespace Tether.Generator.Tests.Emitting;

/// <summary>
/// The repository's own spec (<c>openapi/openai.yaml</c>, the core endpoints) through the generator driver: the client
/// compiles with zero warnings, XML docs checked, and has the operations and options the README promises. (The two
/// official specs are compiled whole by <see cref="FullSpecCompileTests"/>, client included.)
/// </summary>
public sealed class ClientCompileTests
{
    private const string ClientSource = """
        namespace App;

        /// <summary>The client under test.</summary>
        [Tether.GenerateClient("openapi/openai.yaml")]
        public partial class OpenAIClient
        {
        }
        """;

    [Fact]
    public void RepositorySpecClientCompilesWithoutAnyWarningAndHasItsOperations()
    {
        var specText = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "openapi", "openai.yaml"));
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var compilation = SourceCompiler.Compile([("OpenAIClient.cs", ClientSource)], SourceCompiler.Net100References);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ClientGenerator().AsSourceGenerator()],
            [new InMemoryAdditionalText("/repo/openapi/openai.yaml", specText)],
            parseOptions);

        driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var diagnostics);
        updated = NullableWarnings.Restore(updated);

        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        SourceCompiler.AssertClean(updated);

        // services.AddOpenAIClient(…) needs Tether.Extensions.Http, which this compilation does not reference.
        Assert.Contains(updated.SyntaxTrees, tree => tree.FilePath.EndsWith(".ClientOptions.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(updated.SyntaxTrees, tree => tree.FilePath.EndsWith(".ServiceCollectionExtensions.g.cs", StringComparison.Ordinal));
        var client = updated.GetTypeByMetadataName("App.OpenAIClient")!;
        Assert.Equal("OpenAIClientBase", client.BaseType!.Name);
        Assert.Equal(4, client.InstanceConstructors.Count(c => c.DeclaredAccessibility == Accessibility.Public));
        string[] groups = ["Chat", "Responses", "Embeddings", "Models", "Files", "Audio"];
        foreach (var group in groups)
        {
            Assert.Single(client.GetMembers(group).OfType<IPropertySymbol>());
        }

        var chat = updated.GetTypeByMetadataName("App.OpenAIClient+ChatOperations")!;
        Assert.Single(chat.GetMembers("CreateChatCompletionAsync"));
        var streaming = Assert.Single(chat.GetMembers("CreateChatCompletionStreamingAsync").OfType<IMethodSymbol>());
        Assert.Equal("IAsyncEnumerable", streaming.ReturnType.Name);
        var options = updated.GetTypeByMetadataName("App.OpenAIClientOptions")!;
        Assert.Equal("TetherClientOptions", options.BaseType!.Name);
        Assert.Single(options.GetMembers("ApiKey"));
        Assert.Single(options.GetMembers("ApiKeyEnvironmentVariable"));
    }
}
