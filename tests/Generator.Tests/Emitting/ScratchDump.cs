using Microsoft.CodeAnalysis.Text;
using Tether.Generator.Emitting;
using Tether.Generator.Model;
using Tether.Generator.Parsing;
using Tether.Generator.Tests.Support;
using Xunit;

namespace Tether.Generator.Tests.Emitting;

public sealed class ScratchDump
{
    [Theory]
    [InlineData("openai.yaml")]
    [InlineData("openai-2025-04.yaml")]
    public void Dump(string specFile)
    {
        var path = Path.Combine(RepositoryPaths.SharedOpenApi, specFile);
        var parsed = SpecParser.Parse(path, SourceText.From(File.ReadAllText(path)), CancellationToken.None);
        var spec = new ClientSpec(new ClientTarget("App", "OpenAIClient", "public", path, null, true, EquatableArray<DiagnosticInfo>.Empty), parsed.Model!);
        Directory.CreateDirectory("/tmp/dump/" + specFile);
        foreach (var file in SourceEmitter.Emit(spec, CancellationToken.None))
        {
            File.WriteAllText("/tmp/dump/" + specFile + "/" + file.HintName, file.Text);
        }
    }
}
