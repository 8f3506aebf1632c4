using Tether.Generator.Emitting;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;
using Tether.Generator.Tests.Support;
using Xunit;

namespace Tether.Generator.Tests.Emitting;

/// <summary>
/// The client code (options, base class, operations) emitted for <see cref="ClientDemoSpec"/>, against a reviewed file
/// in <c>Snapshots/</c>, and that the whole output compiles without a single warning.
/// </summary>
public sealed class ClientSnapshotTests
{
    private static readonly string[] ClientFileSuffixes = [".ClientOptions.g.cs", ".ClientBase.g.cs", ".Client.g.cs"];

    [Fact]
    public void EmittedClientMatchesTheVerifiedSnapshot()
    {
        var files = SourceEmitter.Emit(ClientDemoSpec.Spec(), CancellationToken.None);
        var clientFiles = files.Where(file => ClientFileSuffixes.Any(suffix => file.HintName.EndsWith(suffix, StringComparison.Ordinal))).ToList();

        Assert.Equal(3, clientFiles.Count);
        SnapshotAssert.Matches(EmittedSource.Concatenate(clientFiles), "ClientOperations");
    }

    [Fact]
    public void ServiceRegistrationIsWrittenOnlyWhenAskedForAndMatchesTheVerifiedSnapshot()
    {
        const string Suffix = ".ServiceCollectionExtensions.g.cs";
        Assert.DoesNotContain(SourceEmitter.Emit(ClientDemoSpec.Spec(), CancellationToken.None), file => file.HintName.EndsWith(Suffix, StringComparison.Ordinal));

        var files = SourceEmitter.Emit(ClientDemoSpec.Spec() with { RegistersServices = true }, CancellationToken.None);

        // It compiles against Tether.Extensions.Http in tests/EndToEnd.Tests and in the packaged consumer (Packaging.Tests).
        SnapshotAssert.Matches(Assert.Single(files, file => file.HintName.EndsWith(Suffix, StringComparison.Ordinal)).Text, "ServiceRegistration");
    }

    [Fact]
    public void EmittedClientCompilesWithoutWarnings()
    {
        var files = SourceEmitter.Emit(ClientDemoSpec.Spec(), CancellationToken.None);

        SourceCompiler.AssertClean(SourceCompiler.Compile(EmittedSource.WithClient(files), SourceCompiler.Net100References));
    }

    [Fact]
    public void ClientInTheGlobalNamespaceCompiles()
    {
        var files = SourceEmitter.Emit(ClientDemoSpec.Spec(string.Empty), CancellationToken.None);
        var sources = files.Select(file => (file.HintName, file.Text))
            .Append(("DemoClient.cs", "/// <summary>The client.</summary>\npublic partial class DemoClient\n{\n}\n"));

        SourceCompiler.AssertClean(SourceCompiler.Compile(sources, SourceCompiler.Net100References));
    }

    [Fact]
    public void SpecWithoutOperationsGetsModelsOnly()
    {
        var files = SourceEmitter.Emit(ModelBuilder.Spec(ClientDemoSpec.Types), CancellationToken.None);

        Assert.DoesNotContain(files, file => ClientFileSuffixes.Any(suffix => file.HintName.EndsWith(suffix, StringComparison.Ordinal)));
    }
}
