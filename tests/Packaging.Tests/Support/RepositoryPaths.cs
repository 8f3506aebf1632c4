namespace Tether.Packaging.Tests.Support;

/// <summary>Locations in the repository, found from the test assembly's folder (any depth below the root).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Solution => Path.Combine(Root, "Generator.sln");

    public static string OpenAISpec => Path.Combine(Root, "openapi", "openai.yaml");

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Generator.sln above {AppContext.BaseDirectory}.");
    }
}
