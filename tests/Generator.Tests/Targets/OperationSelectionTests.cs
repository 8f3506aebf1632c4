using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tether.Generator.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Tether.Generator.Tests.Targets;

/// <summary>
/// <c>[GenerateClient(…, Tags = …, Operations = …)]</c>: only the chosen operations and the types they reach are
/// generated, the result compiles cleanly (so the reach is complete), and a name that matches nothing is a warning at
/// the attribute.
/// </summary>
public sealed class OperationSelectionTests(ITestOutputHelper output)
{
    [Fact]
    public void TagsKeepTheirOperationsAndTheTypesTheyReach()
    {
        var run = Generate(RepositoryPaths.OwnSpec, "openapi/openai.yaml", "Tags = new[] { \"Chat\" }");

        Assert.Empty(run.GeneratorProblems);
        SourceCompiler.AssertClean(run.Compilation);
        var client = run.Compilation.GetTypeByMetadataName("App.OpenAIClient")!;
        Assert.Single(client.GetMembers("Chat").OfType<IPropertySymbol>());
        Assert.Empty(client.GetMembers("Embeddings"));
        Assert.Empty(client.GetMembers("Files"));
        Assert.NotNull(run.Compilation.GetTypeByMetadataName("App.OpenAIClientModels.CreateChatCompletionRequest"));
        Assert.NotNull(run.Compilation.GetTypeByMetadataName("App.OpenAIClientModels.ChatCompletionRequestMessage"));
        Assert.Null(run.Compilation.GetTypeByMetadataName("App.OpenAIClientModels.CreateEmbeddingRequest"));
        Assert.Null(run.Compilation.GetTypeByMetadataName("App.OpenAIClientModels.OpenAIFile"));
    }

    [Fact]
    public void OperationsAddToTagsAndSpellingsOfATagAgree()
    {
        var run = Generate(RepositoryPaths.OwnSpec, "openapi/openai.yaml", "Tags = new[] { \"chat\" }, Operations = new[] { \"createEmbedding\" }");

        Assert.Empty(run.GeneratorProblems);
        SourceCompiler.AssertClean(run.Compilation);
        var client = run.Compilation.GetTypeByMetadataName("App.OpenAIClient")!;
        Assert.Single(client.GetMembers("Chat").OfType<IPropertySymbol>());
        var embeddings = run.Compilation.GetTypeByMetadataName("App.OpenAIClient+EmbeddingsOperations")!;
        Assert.Single(embeddings.GetMembers("CreateEmbeddingAsync"));
        Assert.NotNull(run.Compilation.GetTypeByMetadataName("App.OpenAIClientModels.CreateEmbeddingRequest"));
        Assert.Empty(client.GetMembers("Files"));
    }

    [Fact]
    public void NamesThatMatchNothingAreWarningsAtTheAttribute()
    {
        var run = Generate(RepositoryPaths.OwnSpec, "openapi/openai.yaml", "Tags = new[] { \"Chat\", \"Chats\" }, Operations = new[] { \"CreateEmbedding\" }");

        var warnings = run.GeneratorProblems.Where(d => d.Id == "TETHER014").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, warning =>
        {
            Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
            Assert.Equal("OpenAIClient.cs", warning.Location.GetLineSpan().Path);
            Assert.Equal(3, warning.Location.GetLineSpan().StartLinePosition.Line);
        });
        Assert.Contains(warnings, w => w.GetMessage().Contains("tag 'Chats'", StringComparison.Ordinal) && w.GetMessage().Contains("Chat, ", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.GetMessage().Contains("did you mean 'createEmbedding'?", StringComparison.Ordinal));
        SourceCompiler.AssertClean(run.Compilation);
    }

    [SkippableTheory]
    [InlineData("\"Chat\"")]
    [InlineData("\"Chat\", \"Responses\"")]
    [InlineData("\"Assistants\", \"Vector stores\", \"Batch\", \"Realtime\"")]
    public void SelectionsOfTheOfficialSpecCompileWithoutAnyWarning(string tags)
    {
        var run = Generate(ReferenceData.OfficialSpec(nameof(SelectionsOfTheOfficialSpecCompileWithoutAnyWarning) + "(" + tags + ")"), "openapi/openai.yaml", "Tags = new[] { " + tags + " }");

        Assert.DoesNotContain(run.GeneratorProblems, d => d.Severity >= DiagnosticSeverity.Warning);
        // Webhooks belong to no tag: every selection keeps the receiver and all 16 payload types.
        var all = string.Concat(run.Generated);
        Assert.Contains("public sealed class WebhookReceiver : global::Tether.WebhookReceiver<global::App.OpenAIClientModels.WebhookEvent>", all, StringComparison.Ordinal);
        Assert.Equal(16, System.Text.RegularExpressions.Regex.Matches(all, @"public bool IsWebhook\w+ =>").Count);
        var characters = run.Generated.Sum(tree => tree.Length);
        output.WriteLine($"Tags = {tags}: {run.Generated.Count} files, {characters / 1024:N0} KiB of C# (the whole spec: ~21,000 KiB)");
        using var image = new MemoryStream();
        var emitted = run.Compilation.Emit(image);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30).Select(SourceCompiler.Describe)));
        Assert.True(emitted.Success);
    }

    private static SelectionRun Generate(string specFile, string specPath, string namedArguments)
    {
        var source = $$"""
            namespace App;

            /// <summary>The client under test.</summary>
            [Tether.GenerateClient("{{specPath}}", {{namedArguments}})]
            public partial class OpenAIClient
            {
            }
            """;
        var compilation = SourceCompiler.Compile([("OpenAIClient.cs", source)], SourceCompiler.Net100References);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ClientGenerator().AsSourceGenerator()],
            [new InMemoryAdditionalText("/project/" + specPath, File.ReadAllText(specFile))],
            new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var diagnostics);
        updated = NullableWarnings.Restore(updated);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return new SelectionRun(
            updated,
            diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList(),
            result.GeneratedSources.Select(source => source.SourceText.ToString()).ToList());
    }

    private sealed record SelectionRun(Compilation Compilation, IReadOnlyList<Diagnostic> GeneratorProblems, IReadOnlyList<string> Generated);
}
