using System.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Tether.Generator.Reading;
using Tether.Generator.Translating;
using Tether.Generator.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Tether.EndToEnd.Tests.Conformance;

/// <summary>
/// Every JSON example the official spec carries — operation responses under <c>x-oaiMeta.examples</c>, schemas'
/// <c>x-oaiMeta.example</c> and <c>example</c> keywords — deserializes into its generated type with
/// <see cref="OpenAIClient.JsonOptions"/> and serializes back to semantically equal JSON. Examples that cannot be
/// tested are listed with the reason; a reason that stops being true fails the test.
/// </summary>
public sealed class SpecExampleConformanceTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void EveryJsonExampleOfTheOfficialSpecRoundTrips()
    {
        var watch = Stopwatch.StartNew();
        var text = File.ReadAllText(ReferenceData.OfficialSpec());
        var parsed = SpecParser.Parse(RepositoryPaths.OfficialSpec, SourceText.From(text), CancellationToken.None);
        Assert.NotNull(parsed.Model);
        var examples = SpecExampleCollector.Collect(YamlToJson.Parse(text)!);
        var map = new ExampleTypeMap(parsed.Model!);

        var passed = new List<(ExampleOrigin Origin, string Name)>();
        var failed = new List<(ExampleOrigin Origin, string Text)>();
        var excluded = new List<string>();
        var relaxed = new List<string>();
        var staleExclusions = new List<string>();
        foreach (var example in examples)
        {
            var payload = example.Origin == ExampleOrigin.SchemaKeyword
                ? new ExamplePayload([example.Content], false, null, null)
                : ExamplePayload.Read(example.Content);

            if (KnownExampleDefects.Find(example.Id) is { } defect)
            {
                if (defect.Verify(payload, map.Resolve(example, payload, out _), parsed.Model!, out var reason) is { } stale)
                {
                    staleExclusions.Add($"{example.Id}: {stale}");
                }

                excluded.Add($"{example.Id}: {reason}");
                continue;
            }

            if (payload.Problem is not null)
            {
                excluded.Add($"{example.Id}: {(payload.IsEventStream ? "text/event-stream sample, " : string.Empty)}{payload.Problem}");
                continue;
            }

            if (map.Resolve(example, payload, out var exclusion) is not { } target)
            {
                excluded.Add($"{example.Id}: {exclusion}");
                continue;
            }

            if (payload.Relaxed is not null)
            {
                relaxed.Add($"{example.Id}: {payload.Relaxed}");
            }

            for (var i = 0; i < payload.Values.Count; i++)
            {
                var name = payload.Values.Count == 1 ? example.Id : $"{example.Id} [value {i + 1} of {payload.Values.Count}]";
                var loss = ExampleRoundTrip.FindLoss(target, payload.Values[i]);
                if (loss is null)
                {
                    passed.Add((example.Origin, name));
                }
                else
                {
                    failed.Add((example.Origin, $"{name} as {target.Via} at {target.PathText}: {loss}"));
                }
            }
        }

        var ids = examples.Select(example => example.Id).ToHashSet();
        staleExclusions.AddRange(KnownExampleDefects.Ids.Where(id => !ids.Contains(id)).Select(id => $"{id}: the spec has no such example any more"));

        var tested = passed.Count + failed.Count;
        output.WriteLine($"Conformance: {passed.Count} / {tested} JSON values round-trip, from {examples.Count} examples in the spec ({examples.Count(e => e.Origin == ExampleOrigin.OperationResponse)} operation responses, {examples.Count(e => e.Origin == ExampleOrigin.SchemaMeta)} schema x-oaiMeta examples, {examples.Count(e => e.Origin == ExampleOrigin.SchemaKeyword)} example keywords); {excluded.Count} excluded; {watch.Elapsed.TotalSeconds:F1} s");
        foreach (var origin in Enum.GetValues<ExampleOrigin>())
        {
            output.WriteLine($"  {origin}: {passed.Count(p => p.Origin == origin)} / {passed.Count(p => p.Origin == origin) + failed.Count(f => f.Origin == origin)}");
        }

        output.WriteLine("  excluded because: " + string.Join(", ", excluded.GroupBy(Category).Select(group => $"{group.Key} {group.Count()}")));
        WriteList($"FAILED ({failed.Count})", failed.Select(f => f.Text).ToList());
        WriteList($"Excluded ({excluded.Count})", excluded);
        WriteList($"Read after tolerating hand-written JSON slips ({relaxed.Count}; tested)", relaxed);
        WriteList($"Stale exclusions ({staleExclusions.Count})", staleExclusions);

        Assert.True(staleExclusions.Count == 0, "exclusions whose reason no longer holds:\n" + string.Join("\n", staleExclusions));
        Assert.True(failed.Count == 0, $"{failed.Count} of {tested} examples do not round-trip:\n" + string.Join("\n", failed.Select(f => f.Text)));
        Assert.True(tested > 0, "no example was tested");
    }

    private static string Category(string exclusion) =>
        exclusion.Contains("violates its own schema", StringComparison.Ordinal) ? "the example violates its schema"
        : exclusion.Contains("parameter '", StringComparison.Ordinal) ? "a URL/header parameter value"
        : exclusion.Contains("not JSON:", StringComparison.Ordinal) || exclusion.Contains("is empty", StringComparison.Ordinal) ? "not JSON"
        : "no generated JSON type to read it with";

    private void WriteList(string title, List<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        output.WriteLine(title + ":");
        foreach (var line in lines)
        {
            output.WriteLine("  " + line);
        }
    }
}
