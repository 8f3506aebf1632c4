using System.Xml.Linq;
using Xunit;

namespace Tether.Packaging.Tests.Support;

/// <summary>
/// Packs Tether.Runtime, Tether.Generator, Tether.Extensions.Http and Tether.Extensions.AI into a temporary folder feed, under a version no
/// other build has used (so no stale copy in a NuGet cache can stand in for the fresh packages), then builds a new
/// consumer project that knows Tether only through that feed. Shared by the tests of
/// <see cref="PackagedConsumerCollection"/>; everything it creates is deleted afterwards.
/// </summary>
public sealed class PackagedConsumer : IAsyncLifetime
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(6);
    private static readonly string[] PackageIds = ["Tether.Runtime", "Tether.Generator", "Tether.Extensions.Http", "Tether.Extensions.AI"];

    public PackagedConsumer()
    {
        WorkDirectory = Path.Combine(Path.GetTempPath(), "tether-packaging-" + Guid.NewGuid().ToString("N")[..12]);
        // A letter first: a purely numeric pre-release label may not start with 0.
        Version = BaseVersion() + "-test.t" + Guid.NewGuid().ToString("N")[..12];
    }

    /// <summary>The base version from Directory.Build.props plus a unique pre-release label.</summary>
    public string Version { get; }

    public string WorkDirectory { get; }

    public string FeedDirectory => Path.Combine(WorkDirectory, "feed");

    public string ConsumerDirectory => Path.Combine(WorkDirectory, "consumer");

    public string ConsumerAssembly => Path.Combine(ConsumerDirectory, "bin", "Debug", "net10.0", "Consumer.dll");

    /// <summary>The <c>dotnet pack</c> run; always set after initialization.</summary>
    public CommandResult Pack { get; private set; } = null!;

    /// <summary>The consumer's <c>dotnet build</c>, or <see langword="null"/> when packing failed.</summary>
    public CommandResult? Build { get; private set; }

    /// <summary>
    /// The same consumer also referencing the Tether.Generator package, as `dotnet add package Tether.Generator` writes
    /// it: the generator must still run once (twice would define every type twice and fail the build).
    /// </summary>
    public CommandResult? BuildWithBothPackages { get; private set; }

    public string BothPackagesDirectory => Path.Combine(WorkDirectory, "consumer-both");

    public string PackagePath(string id) => Path.Combine(FeedDirectory, id + "." + Version + ".nupkg");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        // One pack command for the four projects (MSBuild builds them in parallel), through a solution filter.
        string filter = Path.Combine(WorkDirectory, "packages.slnf");
        await File.WriteAllTextAsync(filter,
            "{\"solution\":{\"path\":\"" + RepositoryPaths.Solution.Replace("\\", "\\\\", StringComparison.Ordinal) + "\",\"projects\":["
            + "\"src/Runtime/Tether.Runtime.csproj\",\"src/Generator/Tether.Generator.csproj\",\"src/Extensions.Http/Tether.Extensions.Http.csproj\",\"src/Extensions.AI/Tether.Extensions.AI.csproj\"]}}");
        Pack = await DotnetCli.RunAsync(
            WorkDirectory,
            CommandTimeout,
            "pack", filter, "-c", "Release", "-o", FeedDirectory, "-tl:off", "-nodeReuse:false",
            "-p:Version=" + Version,
            // Build outputs go here too, so this never races with (or reuses) a build of the working tree.
            "-p:ArtifactsPath=" + Path.Combine(WorkDirectory, "artifacts"));
        if (Pack.ExitCode != 0)
        {
            return;
        }

        WriteConsumerProject(ConsumerDirectory, extraPackages: string.Empty);
        Build = await DotnetCli.RunAsync(ConsumerDirectory, CommandTimeout, "build", "Consumer.csproj", "-tl:off", "-nodeReuse:false");
        WriteConsumerProject(
            BothPackagesDirectory,
            "<PackageReference Include=\"Tether.Generator\" Version=\"" + Version + "\">\n"
            + "      <IncludeAssets>runtime; build; native; contentfiles; analyzers; buildtransitive</IncludeAssets>\n"
            + "      <PrivateAssets>all</PrivateAssets>\n"
            + "    </PackageReference>");
        BuildWithBothPackages = await DotnetCli.RunAsync(BothPackagesDirectory, CommandTimeout, "build", "Consumer.csproj", "-tl:off", "-nodeReuse:false");
    }

    public Task DisposeAsync()
    {
        TryDelete(WorkDirectory);
        // The unique version was extracted into the global packages folder by the consumer's restore; remove it.
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (string id in PackageIds)
        {
            string idFolder = Path.Combine(packages, id.ToLowerInvariant());
            TryDelete(Path.Combine(idFolder, Version.ToLowerInvariant()));
            if (Directory.Exists(idFolder) && !Directory.EnumerateFileSystemEntries(idFolder).Any())
            {
                TryDelete(idFolder);
            }
        }

        return Task.CompletedTask;
    }

    private void WriteConsumerProject(string directory, string extraPackages)
    {
        string template = Path.Combine(AppContext.BaseDirectory, "ConsumerTemplate");
        Directory.CreateDirectory(Path.Combine(directory, "openapi"));
        File.WriteAllText(
            Path.Combine(directory, "Consumer.csproj"),
            File.ReadAllText(Path.Combine(template, "Consumer.csproj.in"))
                .Replace("@TETHER_VERSION@", Version, StringComparison.Ordinal)
                .Replace("<!--@EXTRA_PACKAGES@-->", extraPackages, StringComparison.Ordinal));
        File.Copy(Path.Combine(template, "Program.cs"), Path.Combine(directory, "Program.cs"));
        File.Copy(RepositoryPaths.OpenAISpec, Path.Combine(directory, "openapi", "openai.yaml"));
        // The temporary feed in front of the machine's own sources (no <clear/>: those still serve everything else).
        new XDocument(
            new XElement("configuration",
                new XElement("packageSources",
                    new XElement("add", new XAttribute("key", "tether-test-feed"), new XAttribute("value", FeedDirectory)))))
            .Save(Path.Combine(directory, "NuGet.config"));
    }

    private static string BaseVersion()
    {
        XDocument props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        return props.Descendants("Version").Single().Value.Trim();
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary folder must not fail the run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>The tests that share one packed feed and one built consumer.</summary>
[CollectionDefinition(Name)]
public sealed class PackagedConsumerCollection : ICollectionFixture<PackagedConsumer>
{
    public const string Name = "packaged consumer";
}
