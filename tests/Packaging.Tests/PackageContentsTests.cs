using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Tether.Packaging.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Tether.Packaging.Tests;

/// <summary>What <c>dotnet pack</c> puts in the three packages.</summary>
[Collection(PackagedConsumerCollection.Name)]
public sealed class PackageContentsTests
{
    /// <summary>
    /// Assemblies every compiler host provides to analyzers: Roslyn itself and its own dependencies, and the framework
    /// facades a netstandard2.0 assembly binds to. Everything else a bundled assembly references must be bundled.
    /// </summary>
    private static readonly string[] HostProvided =
    [
        "netstandard", "mscorlib", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp",
        "System.Collections.Immutable", "System.Reflection.Metadata", "System.Text.Encoding.CodePages",
    ];

    private readonly PackagedConsumer _packaged;

    public PackageContentsTests(PackagedConsumer packaged, ITestOutputHelper output)
    {
        _packaged = packaged;
        output.WriteLine($"dotnet pack: {packaged.Pack.Elapsed.TotalSeconds:0.0} s; consumer build: {packaged.Build?.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void Pack_ProducesTheFourPackages_AtTheRepositoryVersion()
    {
        Assert.True(_packaged.Pack.ExitCode == 0, _packaged.Pack.ToString());
        foreach (string id in new[] { "Tether.Runtime", "Tether.Generator", "Tether.Extensions.Http", "Tether.Extensions.AI" })
        {
            Assert.True(File.Exists(_packaged.PackagePath(id)), $"{id} {_packaged.Version} is missing from the feed.\n{_packaged.Pack}");
            XElement metadata = Metadata(id);
            Assert.Equal(id, Value(metadata, "id"));
            Assert.Equal(_packaged.Version, Value(metadata, "version"));
            Assert.Equal("MIT", Value(metadata, "license"));
            Assert.Equal("README.md", Value(metadata, "readme"));
            Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));
            Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "tags")));
            Assert.Contains("README.md", Entries(id));
        }
    }

    [Fact]
    public void GeneratorPackage_IsAnAnalyzerOnlyDevelopmentDependency_WithBuildTransitiveGlue()
    {
        string id = "Tether.Generator";
        IReadOnlyList<string> entries = Entries(id);

        Assert.Equal("true", Value(Metadata(id), "developmentDependency"));
        Assert.Contains("analyzers/dotnet/cs/Tether.Generator.dll", entries);
        Assert.Contains("buildTransitive/Tether.Generator.props", entries);
        Assert.Contains("buildTransitive/Tether.Generator.targets", entries);
        // Nothing to compile against: the generated code references Tether.Runtime, not the generator.
        Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", StringComparison.Ordinal));
        Assert.Empty(Dependencies(Metadata(id)));
    }

    [Fact]
    public void RuntimePackage_BundlesTheGenerator_AsTheGeneratorPackageDoes_WithoutDependingOnIt()
    {
        IReadOnlyList<string> runtime = Entries("Tether.Runtime");
        IReadOnlyList<string> generator = Entries("Tether.Generator");
        static string[] Analyzers(IReadOnlyList<string> entries) =>
            entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

        Assert.Contains("analyzers/dotnet/cs/Tether.Generator.dll", runtime);
        Assert.Equal(Analyzers(generator), Analyzers(runtime));
        Assert.Contains("buildTransitive/Tether.Runtime.props", runtime);
        Assert.Contains("buildTransitive/Tether.Runtime.targets", runtime);
        Assert.DoesNotContain(Dependencies(Metadata("Tether.Runtime")), d => ((string?)d.Attribute("id"))?.StartsWith("Tether", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void GeneratorPackage_BundlesEveryAssemblyTheGeneratorLoads()
    {
        Dictionary<string, Version> bundled = new(StringComparer.OrdinalIgnoreCase);
        Dictionary<string, IReadOnlyList<AssemblyName>> references = new(StringComparer.OrdinalIgnoreCase);
        using ZipArchive package = ZipFile.OpenRead(_packaged.PackagePath("Tether.Generator"));
        foreach (ZipArchiveEntry entry in package.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)))
        {
            (AssemblyName name, IReadOnlyList<AssemblyName> referenced) = ReadAssembly(entry);
            bundled[name.Name!] = name.Version!;
            references[name.Name!] = referenced;
        }

        Assert.Contains("Microsoft.OpenApi", bundled.Keys);
        Assert.Contains("Microsoft.OpenApi.YamlReader", bundled.Keys);
        Assert.Contains("SharpYaml", bundled.Keys);
        var missing = new List<string>();
        foreach ((string assembly, IReadOnlyList<AssemblyName> referenced) in references)
        {
            foreach (AssemblyName reference in referenced)
            {
                if (HostProvided.Contains(reference.Name, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!bundled.TryGetValue(reference.Name!, out Version? version))
                {
                    missing.Add($"{assembly} -> {reference.Name} {reference.Version} (not bundled)");
                }
                else if (reference.Version is { } wanted && version < wanted)
                {
                    missing.Add($"{assembly} -> {reference.Name} {wanted} (bundled: {version})");
                }
            }
        }

        Assert.True(missing.Count == 0, "Assemblies a .NET Framework compiler host would fail to load:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void LibraryPackages_ShipBothTargetFrameworksWithXmlDocs_AndExtensionsDependsOnTheSameRuntime()
    {
        foreach (string id in new[] { "Tether.Runtime", "Tether.Extensions.Http", "Tether.Extensions.AI" })
        {
            IReadOnlyList<string> entries = Entries(id);
            foreach (string framework in new[] { "net8.0", "net10.0" })
            {
                Assert.Contains($"lib/{framework}/{id}.dll", entries);
                Assert.Contains($"lib/{framework}/{id}.xml", entries);
            }
        }

        foreach (string extension in new[] { "Tether.Extensions.Http", "Tether.Extensions.AI" })
        {
            XElement[] runtimeDependencies = Dependencies(Metadata(extension))
                .Where(d => (string?)d.Attribute("id") == "Tether.Runtime").ToArray();
            Assert.Equal(2, runtimeDependencies.Length);
            Assert.All(runtimeDependencies, d => Assert.Equal(_packaged.Version, (string?)d.Attribute("version")));
        }
    }

    private IReadOnlyList<string> Entries(string id)
    {
        using ZipArchive package = ZipFile.OpenRead(_packaged.PackagePath(id));
        return package.Entries.Select(e => e.FullName).ToArray();
    }

    private XElement Metadata(string id)
    {
        using ZipArchive package = ZipFile.OpenRead(_packaged.PackagePath(id));
        using Stream nuspec = package.GetEntry(id + ".nuspec")!.Open();
        return XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    // The nuspec's XML namespace depends on the features a package uses, so elements are matched by local name.
    private static string? Value(XElement metadata, string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static IEnumerable<XElement> Dependencies(XElement metadata) => metadata.Descendants().Where(e => e.Name.LocalName == "dependency");

    private static (AssemblyName Name, IReadOnlyList<AssemblyName> References) ReadAssembly(ZipArchiveEntry entry)
    {
        using var buffer = new MemoryStream();
        using (Stream stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        MetadataReader reader = pe.GetMetadataReader();
        AssemblyName name = reader.GetAssemblyDefinition().GetAssemblyName();
        IReadOnlyList<AssemblyName> references = reader.AssemblyReferences.Select(handle => reader.GetAssemblyReference(handle).GetAssemblyName()).ToArray();
        return (name, references);
    }
}
