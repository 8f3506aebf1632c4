using Tether.Generator.Reading;
using Tether.Generator.Translating;
using Tether.Generator.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Tether.Generator.Tests.Reading;

/// <summary>
/// The indentation-only locator used for block YAML must agree with a real YAML parse wherever it answers; it is
/// allowed to give up (the full walk then answers), not to be wrong.
/// </summary>
public sealed class LocatorTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void IndentationSearchAgreesWithTheYamlWalkAcrossTheOfficialSpec()
    {
        var text = File.ReadAllText(ReferenceData.OfficialSpec());
        var sample = new Sample(every: 599);
        SpecTextScanner.Walk(text, sample, CancellationToken.None);
        Assert.True(sample.Positions.Count > 80);

        var answered = 0;
        foreach (var (pointer, position) in sample.Positions)
        {
            if (BlockYamlLocator.TryLocate(text, JsonPointer.Split(pointer)!, out var start, out _))
            {
                answered++;
                Assert.True(position == start, $"{pointer}: walk says {position}, indentation search says {start}");
            }
        }

        output.WriteLine($"{answered} of {sample.Positions.Count} sampled pointers answered by the indentation search");
        Assert.True(answered > sample.Positions.Count * 9 / 10);
    }

    [Theory]
    [InlineData("a:\n  b:\n    - x: 1\n      y: 2\n", "#/a/b/0/y", 25)]
    [InlineData("a:\n- one\n- two\nb: 1\n", "#/a/1", 11)]
    [InlineData("# comment\n\"quoted key\": 1\npaths:\n  /a~1b:\n    get: {}\n", "#/paths/~1a~01b/get", 46)]
    [InlineData("a:\n  description: |\n    b: not a key\n  b: 2\n", "#/a/b", 39)]
    public void FindsKeysAndItems(string yaml, string pointer, int expected)
    {
        Assert.True(BlockYamlLocator.TryLocate(yaml, JsonPointer.Split(pointer)!, out var start, out _));
        Assert.Equal(expected, start);
    }

    [Theory]
    [InlineData("{ \"a\": { \"b\": 1 } }", "#/a/b")]
    [InlineData("a: { b: 1 }\n", "#/a/b")]
    [InlineData("a: &x\n  b: 1\n", "#/a/b")]
    [InlineData("a:\n  b: 1\n", "#/a/c")]
    public void GivesUpOnWhatItDoesNotRead(string yaml, string pointer)
        => Assert.False(BlockYamlLocator.TryLocate(yaml, JsonPointer.Split(pointer)!, out _, out _));

    /// <summary>Every n-th key and sequence item the YAML walk reports, with its start.</summary>
    private sealed class Sample(int every) : SpecTextScanner.IVisitor
    {
        private int _seen;
        private string? _lastKey;

        public List<(string Pointer, int Start)> Positions { get; } = new();

        public bool Descend(string pointer) => true;

        public bool OnNode(string pointer, int start, int end, bool isKey)
        {
            // Keys, and sequence items: nodes ending in an index that were not just reported as a key (like "200").
            if (isKey)
            {
                _lastKey = pointer;
            }

            var isItem = !isKey && pointer != _lastKey && pointer[(pointer.LastIndexOf('/') + 1)..] is { Length: > 0 } last && last.All(char.IsDigit);
            if ((isKey || isItem) && ++_seen % every == 0)
            {
                Positions.Add((pointer, start));
            }

            return true;
        }

        public bool OnMemberScalar(string mappingPointer, string key, string value) => true;
    }
}
