using System.Runtime.CompilerServices;
using Xunit;
using Xunit.Sdk;

namespace Tether.Generator.Tests.Support;

/// <summary>
/// Reference data that lives beside the repository, never in it: the official OpenAI specs in <c>../shared/openapi</c>
/// (and vendor specs in <c>../shared/vendor-specs</c>). A clone with nothing beside it skips the tests that read them
/// and says what is missing and where it was looked for; where <c>TETHER_REQUIRE_REFERENCE_DATA=1</c> is set
/// (CI's <c>.ci/run</c>), a missing file fails the test instead, so those tests cannot turn into a quiet skip.
/// </summary>
internal static class ReferenceData
{
    public const string RequiredVariable = "TETHER_REQUIRE_REFERENCE_DATA";

    /// <summary>A folder where each test process notes one line per test that ran against reference data, so
    /// <c>.ci/run</c> can say how many did.</summary>
    public const string LogVariable = "TETHER_REFERENCE_DATA_LOG";

    private static readonly object LogLock = new();

    private static bool Required => Environment.GetEnvironmentVariable(RequiredVariable) == "1";

    /// <summary>openai.yaml (OpenAPI 3.1), or a skip (a failure in CI) when it is not beside the repository.</summary>
    public static string OfficialSpec([CallerMemberName] string test = "") => Require(RepositoryPaths.OfficialSpec, test);

    /// <summary>openai-2025-04.yaml (OpenAPI 3.0), or a skip (a failure in CI).</summary>
    public static string OfficialSpec2025([CallerMemberName] string test = "") => Require(RepositoryPaths.OfficialSpec2025, test);

    /// <summary>Both official specs, for tests that read the pair: one test, noted once.</summary>
    public static void OfficialSpecs([CallerMemberName] string test = "")
    {
        Require(RepositoryPaths.OfficialSpec2025, test: null);
        Require(RepositoryPaths.OfficialSpec, test);
    }

    /// <summary>A file under ../shared/openapi by name (openai.yaml, openai-2025-04.yaml).</summary>
    public static string OfficialSpecFile(string fileName, [CallerMemberName] string test = "") =>
        Require(Path.Combine(RepositoryPaths.SharedOpenApi, fileName), test);

    /// <summary>A vendor's spec under ../shared/vendor-specs by name (twilio-api-v2010.yaml, box.json), or a skip.</summary>
    public static string VendorSpec(string fileName, [CallerMemberName] string test = "") =>
        Require(Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "vendor-specs", fileName)), test);

    /// <summary>The path when the file exists; otherwise the test is skipped (or failed, where required) saying why.</summary>
    public static string Require(string path, string? test, string? consequence = null)
    {
        if (File.Exists(path))
        {
            // The repository's own spec may share a theory with the reference specs; only the latter are counted.
            if (test is not null && !path.StartsWith(RepositoryPaths.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                Record(test, path);
            }

            return path;
        }

        var reason = $"needs {Path.GetFileName(path)} at {path}, which is not there: reference data is kept beside the repository (../shared), not in it{consequence}";
        if (Required)
        {
            throw new XunitException($"{reason} ({RequiredVariable}=1: this test must run here)");
        }

        Skip.If(true, reason);
        return path;
    }

    private static void Record(string test, string path)
    {
        var folder = Environment.GetEnvironmentVariable(LogVariable);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        lock (LogLock)
        {
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{Environment.ProcessId}.txt");
            File.AppendAllText(file, $"{test}\t{Path.GetFileName(path)}{Environment.NewLine}");
        }
    }
}
