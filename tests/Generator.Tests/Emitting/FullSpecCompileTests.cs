using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Tether.Generator.Emitting;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;
using Tether.Generator.Model;
using Tether.Generator.Reading;
using Tether.Generator.Translating;
using Tether.Generator.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Tether.Generator.Tests.Emitting;

/// <summary>
/// The real specs end to end through the generator driver: the generated client must compile with zero errors and
/// zero warnings (nullable, every warning wave, XML docs checked). Also records size and timings in the test output.
/// </summary>
public sealed class FullSpecCompileTests(ITestOutputHelper output)
{
    private const string ClientSource = """
        namespace App;

        /// <summary>The client under test.</summary>
        [Tether.GenerateClient("openapi/{0}")]
        public partial class OpenAIClient
        {
        }
        """;

    [SkippableTheory]
    [InlineData("openai.yaml")]
    [InlineData("openai-2025-04.yaml")]
    public void GeneratedClientCompilesWithoutAnyWarning(string specFile)
    {
        var specText = File.ReadAllText(ReferenceData.OfficialSpecFile(specFile, nameof(GeneratedClientCompilesWithoutAnyWarning) + "(" + specFile + ")"));
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var compilation = SourceCompiler.Compile([("OpenAIClient.cs", ClientSource.Replace("{0}", specFile))], SourceCompiler.Net100References);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ClientGenerator().AsSourceGenerator()],
            [new InMemoryAdditionalText("/project/openapi/" + specFile, specText)],
            parseOptions);

        var generation = Stopwatch.StartNew();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var generatorDiagnostics);
        updated = NullableWarnings.Restore(updated);
        generation.Stop();

        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.DoesNotContain(generatorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.NotEmpty(result.GeneratedSources);

        // Emit binds everything once and reports the same diagnostics GetDiagnostics would, so one pass gives both
        // the verdict and the assembly for the round trips below.
        var compile = Stopwatch.StartNew();
        using var image = new MemoryStream();
        var emitted = updated.Emit(image);
        compile.Stop();
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

        var lines = result.GeneratedSources.Sum(source => source.SourceText.Lines.Count);
        output.WriteLine($"{specFile}: {result.GeneratedSources.Length} files, {lines:N0} lines generated; generator run {generation.ElapsedMilliseconds} ms (cold, parse + emit); compile + emit {compile.ElapsedMilliseconds} ms");
        foreach (var diagnostic in generatorDiagnostics)
        {
            output.WriteLine("generator: " + diagnostic);
        }

        // Nobody reading the client under F12 meets a line they have to scroll for.
        var longLines = result.GeneratedSources
            .SelectMany(source => source.SourceText.Lines.Select(line => (source.HintName, Line: line.LineNumber + 1, Length: line.Span.Length)))
            .Where(line => line.Length > LongLineBreaker.Limit)
            .ToList();
        Assert.True(longLines.Count == 0, $"{longLines.Count} line(s) over {LongLineBreaker.Limit} characters: " + string.Join(", ", longLines.Take(10)));

        Assert.True(problems.Count == 0, $"{problems.Count} warning(s)/error(s), first ones:\n" + string.Join("\n", problems.Take(40).Select(SourceCompiler.Describe)));
        Assert.True(emitted.Success);

        image.Position = 0;
        using var assembly = new LoadedAssembly(image);
        var options = (System.Text.Json.JsonSerializerOptions)assembly.GetType("App.OpenAIClient")
            .GetProperty("JsonOptions", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
        foreach (var (typeName, json) in RealPayloads.For(specFile))
        {
            var type = assembly.GetType("App.OpenAIClientModels." + typeName);
            var model = System.Text.Json.JsonSerializer.Deserialize(json, type, options)!;
            JsonSemantic.AssertEqual(json, System.Text.Json.JsonSerializer.Serialize(model, type, options));
            var unrecognized = RealPayloads.UnrecognizedUnions(model);
            Assert.True(unrecognized.Count == 0, $"{typeName}: unions left unrecognized at " + string.Join(", ", unrecognized));
        }

        if (RealPayloads.WithFutureOutputItem(specFile) is { } future)
        {
            // Control: an item type newer than the spec is kept raw (and the walker above does see such unions).
            var type = assembly.GetType("App.OpenAIClientModels." + future.TypeName);
            var model = System.Text.Json.JsonSerializer.Deserialize(future.Json, type, options)!;
            JsonSemantic.AssertEqual(future.Json, System.Text.Json.JsonSerializer.Serialize(model, type, options));
            Assert.Equal(["$.Output[4]"], RealPayloads.UnrecognizedUnions(model));
        }
    }

    [SkippableTheory]
    [InlineData("openai.yaml")]
    [InlineData("openai-2025-04.yaml")]
    public void EmitTimeIsRecorded(string specFile)
    {
        var path = ReferenceData.OfficialSpecFile(specFile, nameof(EmitTimeIsRecorded) + "(" + specFile + ")");
        var text = SourceText.From(File.ReadAllText(path), System.Text.Encoding.UTF8);
        var parsed = SpecParser.Parse(path, text, CancellationToken.None);
        Assert.NotNull(parsed.Model);
        var spec = new ClientSpec(new ClientTarget("App", "OpenAIClient", "public", path, null, true, EquatableArray<DiagnosticInfo>.Empty, ClientSelection.Everything), parsed.Model!);

        // First run pays the JIT; the second is what an edit in the IDE costs.
        var cold = Stopwatch.StartNew();
        var files = SourceEmitter.Emit(spec, CancellationToken.None);
        cold.Stop();
        var warm = Stopwatch.StartNew();
        SourceEmitter.Emit(spec, CancellationToken.None);
        warm.Stop();

        var lines = files.Sum(file => file.Text.Count(c => c == '\n'));
        var characters = files.Sum(file => file.Text.Length);
        output.WriteLine($"{specFile}: {parsed.Model!.Types.Count} types -> {files.Count} files, {lines:N0} lines, {characters / 1024:N0} KiB; emit {cold.ElapsedMilliseconds} ms cold, {warm.ElapsedMilliseconds} ms warm");
        foreach (var file in files)
        {
            output.WriteLine($"  {file.HintName}: {file.Text.Count(c => c == '\n'):N0} lines");
        }

        Assert.NotEmpty(files);
    }
}
