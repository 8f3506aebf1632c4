using Tether.Generator.Tests.Support;
using Xunit;

namespace Tether.Generator.Tests.Emitting;

/// <summary>
/// The emitted text of each focused model, against a reviewed file in <c>Snapshots/</c>; and that same text compiles
/// without a single warning for .NET 10 (latest C#) and .NET 8 (C# 12) consumers.
/// </summary>
public sealed class SnapshotTests
{
    public static TheoryData<string> ScenarioNames => new(DemoModels.Scenarios.Keys);

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void EmittedCodeMatchesTheVerifiedSnapshot(string scenario)
    {
        var files = EmittedSource.Emit(DemoModels.Scenarios[scenario]);

        SnapshotAssert.Matches(EmittedSource.Concatenate(files), scenario);
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void EmittedCodeCompilesWithoutWarnings(string scenario)
    {
        EmittedSource.AssertCompilesCleanly(EmittedSource.Emit(DemoModels.Scenarios[scenario]));
    }

    [Fact]
    public void EmittingTwiceGivesIdenticalText()
    {
        var first = EmittedSource.Concatenate(EmittedSource.Emit(DemoModels.All));
        var second = EmittedSource.Concatenate(EmittedSource.Emit(DemoModels.All));

        Assert.Equal(first, second);
    }

    [Fact]
    public void ModelsInTheGlobalNamespaceCompile()
    {
        var files = Generator.Emitting.SourceEmitter.Emit(ModelBuilder.Spec(string.Empty, DemoModels.All), CancellationToken.None);
        var sources = files.Select(file => (file.HintName, file.Text))
            .Append(("DemoClient.cs", "/// <summary>The client.</summary>\npublic partial class DemoClient\n{\n}\n"));

        SourceCompiler.AssertClean(SourceCompiler.Compile(sources, SourceCompiler.Net100References));
        Assert.Contains(files, file => file.HintName == "DemoClient.Models.g.cs");
    }
}
