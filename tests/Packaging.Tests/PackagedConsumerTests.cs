using System.Text.RegularExpressions;
using Tether.Packaging.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Tether.Packaging.Tests;

/// <summary>
/// A fresh project that references only the packages (warnings as errors, nullable, AOT analyzers on) builds cleanly
/// and its generated client works: the "fine as a ProjectReference, CS8785 as a package" failure shows up here.
/// </summary>
[Collection(PackagedConsumerCollection.Name)]
public sealed partial class PackagedConsumerTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);
    private readonly PackagedConsumer _packaged;
    private readonly ITestOutputHelper _output;

    public PackagedConsumerTests(PackagedConsumer packaged, ITestOutputHelper output)
    {
        _packaged = packaged;
        _output = output;
    }

    [Fact]
    public void Consumer_BuildsFromThePackages_WithNoWarningAndTheGeneratorLoaded()
    {
        CommandResult build = AssertCleanBuild(_packaged.Build, "consumer build");

        Assert.True(File.Exists(_packaged.ConsumerAssembly), build.ToString());
    }

    [Fact]
    public void Consumer_WithTheGeneratorPackageToo_StillGeneratesOnce()
    {
        CommandResult build = AssertCleanBuild(_packaged.BuildWithBothPackages, "consumer with both packages");

        // Two generators would define every type twice (CS0101) and fail.
        Assert.DoesNotContain("CS0101", build.Output, StringComparison.Ordinal);
    }

    /// <summary>Packing worked and the build succeeded with the generator loaded and not one warning.</summary>
    private CommandResult AssertCleanBuild(CommandResult? result, string name)
    {
        Assert.True(_packaged.Pack.ExitCode == 0, _packaged.Pack.ToString());
        CommandResult build = result!;
        _output.WriteLine($"{name}: {build.Elapsed.TotalSeconds:0.0} s");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("CS8785", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8784", build.Output, StringComparison.Ordinal);
        Assert.Matches(WarningCount(), build.Output);
        Assert.DoesNotContain(": warning ", build.Output, StringComparison.Ordinal);
        return build;
    }

    [Fact]
    public async Task Consumer_CallsALoopbackServer_PlainStreamedThroughDependencyInjectionAndAsIChatClient()
    {
        Assert.True(_packaged.Build is { ExitCode: 0 }, _packaged.Build?.ToString() ?? _packaged.Pack.ToString());
        await using ChatCompletionServer server = await ChatCompletionServer.StartAsync();
        string question = "ping " + Guid.NewGuid().ToString("N");

        CommandResult run = await DotnetCli.RunAsync(
            _packaged.ConsumerDirectory, RunTimeout, _packaged.ConsumerAssembly, server.BaseAddress.ToString(), question);
        _output.WriteLine(run.ToString());

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] lines = run.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("answer: " + ChatCompletionServer.AnswerTo(question), lines);
        Assert.Contains("streamed: " + ChatCompletionServer.AnswerTo(question), lines);
        Assert.Contains("di answer: " + ChatCompletionServer.AnswerTo(question + " (DI)"), lines);
        Assert.Contains("meai answer: " + ChatCompletionServer.AnswerTo(question + " (MEAI)"), lines);
        Assert.Equal(
            new[]
            {
                new ReceivedCall("Bearer sk-consumer", "gpt-test", question, Stream: false),
                new ReceivedCall("Bearer sk-consumer", "gpt-test", question, Stream: true),
                new ReceivedCall("Bearer sk-from-configuration", "gpt-test", question + " (DI)", Stream: false),
                new ReceivedCall("Bearer sk-consumer", "gpt-test", question + " (MEAI)", Stream: false),
            },
            server.Calls);
    }

    // The console logger's summary line; any other count means something slipped past TreatWarningsAsErrors.
    [GeneratedRegex(@"^\s*0 Warning\(s\)\s*$", RegexOptions.Multiline)]
    private static partial Regex WarningCount();
}
