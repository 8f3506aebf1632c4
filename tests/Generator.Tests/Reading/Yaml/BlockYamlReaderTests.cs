using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.Text;
using Tether.Generator.Reading;
using Tether.Generator.Translating;
using Tether.Generator.Reading.Yaml;
using Tether.Generator.Tests.Support;
using Xunit;

namespace Tether.Generator.Tests.Reading.Yaml;

/// <summary>
/// The block reader must read every spec it takes exactly as SharpYaml + OpenAPI.NET's converter do, and decline
/// the rest. Each case is compared with SharpYaml's tree, member by member.
/// </summary>
public sealed class BlockYamlReaderTests
{
    public static TheoryData<string> RealSpecs => new()
    {
        RepositoryPaths.OfficialSpec,
        RepositoryPaths.OfficialSpec2025,
        RepositoryPaths.OwnSpec,
    };

    [SkippableTheory]
    [MemberData(nameof(RealSpecs))]
    public void ReadsRealSpecsExactlyAsSharpYamlDoes(string path)
    {
        ReferenceData.Require(path, nameof(ReadsRealSpecsExactlyAsSharpYamlDoes) + "(" + Path.GetFileName(path) + ")");
        var text = File.ReadAllText(path);
        var fast = BlockYamlReader.TryRead(text, CancellationToken.None, out var declinedAt);

        if (path == RepositoryPaths.OfficialSpec2025)
        {
            // The 2025 spec shares `required` lists through YAML anchors (`&a1` … `*a1`): the full reader's job.
            Assert.Null(fast);
            Assert.Contains("&a1", File.ReadLines(path).ElementAt(declinedAt - 1), StringComparison.Ordinal);
            return;
        }

        Assert.True(fast is not null, $"declined at line {declinedAt}");
        var (reference, error) = YamlRoutes.Reference(text);
        Assert.Null(error);
        Assert.Null(YamlRoutes.FirstDifference(fast, reference, "#"));
    }

    [Theory]
    [InlineData("a: 1\nb: 1.50\nc: -2e3\nd: true\ne: False\nf: ~\ng: null\nh: NULL\ni: yes\nj: 0x1F\nk: '1'\nl: \"true\"\nm: .5\nn: +3\n")]
    [InlineData("empty:\nnext: x\nlast:")]
    [InlineData("text: one two  \nurl: http://example.com/a:b\nhash: a#b\ncolon: a:b\nx: y # comment\n# whole-line comment\nz: -1\nw: -x\n")]
    [InlineData("plain: first line\n  second line\n\n  after an empty line\n\n\n  two empty lines\nnext: 1\n")]
    [InlineData("list:\n  - a\n  - b\n- c: broken\n")]
    [InlineData("list:\n- a\n- b\nnext: 1\n")]
    [InlineData("list:\n  - name: a\n    value: 1\n  -   name: b\n      value: [1, 2]\n  -\n    name: c\n  -\n  - last\n")]
    [InlineData("flow: []\nmap: {}\nenum: [a, \"b\", 'c', 1, true, null]\nnested: {type: object, properties: {x: {type: string}}, required: [x]}\ntrailing: [a, b, ]\nspaced: [ a , b ]\nquoted-keys: {\"a\": 1, 'b': \"two\"}\n")]
    [InlineData("dq: \"tab\\tnew\\nline \\\"quoted\\\" \\\\ \\/ \\u00e9 \\x41 \\U0001F600 \\_ \\e \\0\"\nsq: 'it''s ''quoted'' \\n'\n")]
    [InlineData("dq: \"first\n  second\n\n  third  \n    fourth\"\nsq: 'one\n  two\n\n\n  three'\nescaped: \"joined\\\n    here\"\n")]
    [InlineData("\"quoted key\": 1\n'single key': 2\n\"200\": ok\n404: missing\n\"a:b\": c\n")]
    [InlineData("literal: |\n  line one\n    indented\n\n  line three\nkeep: |+\n  kept\n\n\nstrip: |-\n  stripped\n\n\nclip: |\n  clipped\n\n\nnext: 1\n")]
    [InlineData("folded: >\n  one\n  two\n\n  three\n    more indented\n    still\n  back\n\n\n  end\nfs: >-\n  a\n  b\nfk: >+\n  a\n\nnext: 1\n")]
    [InlineData("folded: >\n  \ttab first\n  normal\n   spaced\n  normal\nlit: |\n    deeper first\n    line\n  # not a comment in a block scalar? no: less indented, so a comment\nnext: 1\n")]
    [InlineData("blank-lines-with-spaces: |\n  a\n  \n    \n  b\nfolded: >\n  a\n  \n  b\n")]
    [InlineData("seq:\n  - |\n    literal in a sequence\n  - >-\n    folded\n    in a sequence\n  - plain\n    over lines\n  - \"quoted\n    over lines\"\n")]
    [InlineData("a:\n  - x\n   - y\n")]
    [InlineData("keep-empty: |+\n    \n\nclip-empty: >\n\nstrip-empty: |-\nnext: 1\n")]
    [InlineData("windows: line\r\nendings: |\r\n  a\r\n  b\r\nlist:\r\n  - x\r\n")]
    [InlineData("unicode: héllo wörld ✓ 😀\n\"ключ\": значение\n")]
    [InlineData("a:\n  b:\n    c:\n      d: deep\n  e: back\nf: top\n")]
    [InlineData("comment-after-key: # c\n  value\nlist: # c\n  - x # c\n  # c\n  - y\n")]
    [InlineData("block-comment-header: | # a comment\n  text\n")]
    [InlineData("key with spaces: v\nkey  : trailing spaces before colon\n")]
    public void ReadsBlockYamlExactlyAsSharpYamlDoes(string yaml)
    {
        var fast = BlockYamlReader.TryRead(yaml, CancellationToken.None);

        var (reference, error) = YamlRoutes.Reference(yaml);
        if (error is not null)
        {
            // Invalid YAML (a case here on purpose): the block reader must decline and leave the error to the full reader.
            Assert.Null(fast);
            return;
        }

        Assert.NotNull(fast);
        Assert.Null(YamlRoutes.FirstDifference(fast, reference, "#"));
    }

    [Theory]
    [InlineData("---\na: 1\n")]
    [InlineData("%YAML 1.2\n---\na: 1\n")]
    [InlineData("a: &anchor 1\nb: *anchor\n")]
    [InlineData("a: !!str 1\n")]
    [InlineData("? complex\n: key\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a: [1,\n  2]\n")]
    [InlineData("a:\n\tb: 1\n")]
    [InlineData("a: |2\n    explicit indentation\n")]
    [InlineData("a: 1\n---\nb: 2\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("just a scalar\n")]
    [InlineData("{\"json\": true}\n")]
    [InlineData("a: \"unterminated\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a:\n  b: 1\n c: 2\n")]
    [InlineData("a: [x: y]\n")]
    [InlineData("a: 'x' trailing\n")]
    [InlineData("a: x\u0085y\n")]
    [InlineData("list:\n  - - nested\n")]
    [InlineData("no-final-newline: |\n  text")]
    [InlineData("no-final-newline: >-\n  text\n  more")]
    [InlineData("\uFEFFbom: first\n")]
    public void DeclinesWhatItDoesNotRead(string yaml)
    {
        Assert.Null(BlockYamlReader.TryRead(yaml, CancellationToken.None));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NestingIsReadUpToTheFullReadersLimitAndDeclinedBeyond(bool flow)
    {
        static string Nested(int depth, bool flow) => flow
            ? "root: " + new string('[', depth - 1) + new string(']', depth - 1) + "\n"
            : string.Concat(Enumerable.Range(0, depth).Select(level => new string(' ', level) + "k:\n"));

        Assert.NotNull(BlockYamlReader.TryRead(Nested(BlockYamlReader.MaxDepth, flow), CancellationToken.None));
        Assert.Null(BlockYamlReader.TryRead(Nested(BlockYamlReader.MaxDepth + 1, flow), CancellationToken.None));
        Assert.Null(BlockYamlReader.TryRead(Nested(flow ? 100_000 : 3_000, flow), CancellationToken.None));
    }

    [Fact]
    public void CancellationStopsALongRead()
    {
        var yaml = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"k{i}: v{i}\n"));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => BlockYamlReader.TryRead(yaml, cancelled.Token));
    }

    [SkippableTheory]
    [MemberData(nameof(RealSpecs))]
    public void BothRoutesGiveTheSameModelAndDiagnostics(string path)
    {
        ReferenceData.Require(path, nameof(BothRoutesGiveTheSameModelAndDiagnostics) + "(" + Path.GetFileName(path) + ")");
        var text = SourceText.From(File.ReadAllText(path));

        var viaBlockReader = SpecParser.Parse(path, text, CancellationToken.None, YamlRoute.BlockReaderFirst);
        var viaOpenApiReader = SpecParser.Parse(path, text, CancellationToken.None, YamlRoute.OpenApiReaderOnly);

        Assert.NotNull(viaBlockReader.Model);
        Assert.Equal(viaOpenApiReader.Model, viaBlockReader.Model);
        Assert.Equal(viaOpenApiReader.Diagnostics, viaBlockReader.Diagnostics);
    }
}
