using Microsoft.CodeAnalysis.Text;
using Tether.Generator.Emitting;
using Tether.Generator.Model;
using Tether.Generator.Parsing;
using Tether.Generator.Tests.Support;
using Xunit;

namespace Tether.Generator.Tests.Emitting;

public sealed class ScratchDumpTests
{
    [Fact]
    public void Dump()
    {
        var path = Path.Combine(RepositoryPaths.SharedOpenApi, "openai.yaml");
        var parsed = SpecParser.Parse(path, SourceText.From(File.ReadAllText(path)), CancellationToken.None);
        var spec = new ClientSpec(new ClientTarget("App", "OpenAIClient", "public", path, null, true, EquatableArray<DiagnosticInfo>.Empty), parsed.Model!);
        Directory.CreateDirectory("/tmp/gen");
        foreach (var file in SourceEmitter.Emit(spec, CancellationToken.None))
        {
            File.WriteAllText(Path.Combine("/tmp/gen", file.HintName), file.Text);
        }
    }
}
