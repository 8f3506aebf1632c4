namespace Tether.Generator.Tests.Support;

/// <summary>Finds the repository root (the folder holding Generator.sln) and the shared reference specs beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SharedOpenApi => Path.GetFullPath(Path.Combine(Root, "..", "shared", "openapi"));

    /// <summary>Other vendors' specs, read by the corpus and vendor tests (never copied into the repository).</summary>
    public static string VendorSpecs => Path.GetFullPath(Path.Combine(Root, "..", "shared", "vendor-specs"));

    public static string OfficialSpec => Path.Combine(SharedOpenApi, "openai.yaml");

    public static string OfficialSpec2025 => Path.Combine(SharedOpenApi, "openai-2025-04.yaml");

    /// <summary>The repository's own spec, openapi/openai.yaml.</summary>
    public static string OwnSpec => Path.Combine(Root, "openapi", "openai.yaml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Generator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }
}
