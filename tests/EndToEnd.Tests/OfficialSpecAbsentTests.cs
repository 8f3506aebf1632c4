using System.Reflection;
using Tether.Generator.Tests.Support;
using Xunit;

namespace Tether.EndToEnd.Tests;

/// <summary>
/// Built only when ../shared/openapi/openai.yaml is not beside the repository: the client is then generated from the
/// repository's own openapi/openai.yaml, and the test classes that call operations only the official spec has are
/// left out of the build (the csproj's NeedsOfficialSpec items). Each of them stands here as one case that skips
/// saying so, or fails where <c>TETHER_REQUIRE_REFERENCE_DATA=1</c> requires the official spec.
/// </summary>
public sealed class OfficialSpecAbsentTests
{
    public static TheoryData<string> LeftOutTestClasses()
    {
        var data = new TheoryData<string>();
        foreach (var name in Metadata("NeedsOfficialSpec").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            data.Add(name);
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(LeftOutTestClasses))]
    public void TestClassNeedsTheOfficialSpec(string testClass)
    {
        Assert.False(File.Exists(Metadata("OfficialOpenAISpec")), "the official spec is there now: rebuild to compile " + testClass);

        ReferenceData.Require(Metadata("OfficialOpenAISpec"), testClass, $"; {testClass} calls operations only that spec has, so it was left out of this build");
    }

    private static string Metadata(string key) =>
        typeof(OfficialSpecAbsentTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value ?? "";
}
