using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Tether.Generator.Model;
using Xunit;
using static Tether.Generator.Tests.Support.ParsingHarness;

namespace Tether.Generator.Tests.Reading;

/// <summary>Broken specs end in diagnostics that say where the problem is, never in an exception.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void UnterminatedQuoteIsReportedWhereTheQuoteStarts()
    {
        const string Text = """
            openapi: 3.1.0
            info:
              title: x
              version: "1"
            paths:
              /a:
                get:
                  responses:
                    "200":
                      description: "unclosed
            components: {}
            """;

        var diagnostic = SingleError(Text, "TETHER002");
        AssertAt(diagnostic, Text, Text.IndexOf("\"unclosed", StringComparison.Ordinal));
        Assert.Contains("line 10, column 24", diagnostic.MessageArgs[1], StringComparison.Ordinal);
    }

    [Fact]
    public void BadIndentationIsReportedOnItsLine()
    {
        const string Text = "openapi: 3.1.0\ninfo:\n  title: x\n   version: \"1\"\npaths: {}\n";

        var diagnostic = SingleError(Text, "TETHER002");
        Assert.Equal(3, diagnostic.Location!.LineSpan.Start.Line);
    }

    [Fact]
    public void BrokenJsonIsReportedWithLineAndColumn()
    {
        const string Text = "{\n  \"openapi\": \"3.1.0\",\n  \"info\": { \"title\": \"x\", \"version\": \"1\" },\n  \"paths\": { \"/a\": { ] }\n}\n";

        var diagnostic = SingleError(Text, "TETHER002", "/project/openapi/spec.json");
        Assert.Equal(3, diagnostic.Location!.LineSpan.Start.Line);
    }

    [Theory]
    [InlineData("info:\n  title: x\n  version: \"1\"\npaths: {}\n", "none")]
    [InlineData("swagger: \"2.0\"\ninfo:\n  title: x\n  version: \"1\"\npaths: {}\n", "swagger 2.0")]
    [InlineData("openapi: 4.0.0\ninfo:\n  title: x\n  version: \"1\"\npaths: {}\n", "4.0.0")]
    [InlineData("openapi: 3.2.0\ninfo:\n  title: x\n  version: \"1\"\npaths: {}\n", "3.2.0")]
    [InlineData("{ \"openapi\": \"2.5\", \"info\": { \"title\": \"x\", \"version\": \"1\" }, \"paths\": {} }", "2.5")]
    public void MissingOrUnsupportedVersionsAreRejected(string text, string reported)
    {
        var diagnostic = SingleError(text, "TETHER003");
        Assert.Equal(reported, diagnostic.MessageArgs[1]);
        Assert.NotNull(diagnostic.Location);
        if (reported != "none")
        {
            // Pointed at the version key, on the line that declares it.
            var line = SourceText.From(text).Lines[diagnostic.Location!.LineSpan.Start.Line].ToString();
            Assert.Contains(reported.Replace("swagger ", string.Empty), line, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AbsurdlyDeepNestingIsAnErrorNotAStackOverflow(bool flow)
    {
        // Far beyond any real spec, and deep enough to overflow a recursive reader's stack inside the compiler.
        var depth = flow ? 100_000 : 3_000;
        var deep = flow
            ? "      schema: " + new string('[', depth) + new string(']', depth) + "\n"
            : string.Concat(Enumerable.Range(0, depth).Select(level => new string(' ', 6 + level) + "k:\n"));
        var text = "openapi: 3.1.0\ninfo:\n  title: x\n  version: \"1\"\npaths: {}\ncomponents:\n  schemas:\n    Deep:\n" + deep;

        var diagnostic = SingleError(text, "TETHER002");
        Assert.Contains("depth", diagnostic.MessageArgs[1], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void EmptyFileIsUnreadable() => SingleError("  \n", "TETHER002");

    [Fact]
    public void UnresolvedReferencesWarnAtTheRefAndBecomeJson()
    {
        const string Text = """
            openapi: 3.1.0
            info: { title: x, version: "1" }
            paths: {}
            components:
              schemas:
                A:
                  type: object
                  properties:
                    b:
                      $ref: "#/components/schemas/Missing"
                    c:
                      $ref: "other.yaml#/Foo"
            """;

        var parsed = Parse(Text);
        var warnings = parsed.Diagnostics.Where(d => d.DescriptorId == "TETHER004").OrderBy(d => d.Location!.Span.Start).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Equal(DiagnosticSeverity.Warning, Severity(warnings[0]));
        Assert.Equal(new[] { "#/components/schemas/Missing", "#/components/schemas/A/properties/b" }, warnings[0].MessageArgs);
        AssertAt(warnings[0], Text, Text.IndexOf("$ref: \"#/components/schemas/Missing", StringComparison.Ordinal));
        AssertAt(warnings[1], Text, Text.IndexOf("$ref: \"other.yaml", StringComparison.Ordinal));

        var a = parsed.Model!.Type<ObjectTypeModel>("A");
        Assert.Equal(TypeRef.Any, a.Property("b").Type);
        Assert.Equal(TypeRef.Any, a.Property("c").Type);
    }

    [Fact]
    public void JsonSpecsAreLocatedToo()
    {
        const string Text = """
            {
              "openapi": "3.1.0",
              "info": { "title": "x", "version": "1" },
              "paths": {},
              "components": {
                "schemas": {
                  "A": { "type": "object", "properties": { "b": { "$ref": "#/components/schemas/Missing" } } }
                }
              }
            }
            """;

        var parsed = Parse(Text, "/project/openapi/spec.json");
        var warning = Assert.Single(parsed.Diagnostics, d => d.DescriptorId == "TETHER004");
        AssertAt(warning, Text, Text.IndexOf("\"$ref\"", StringComparison.Ordinal));
    }

    [Fact]
    public void NoMutationOfASpecMakesTheParserThrow()
    {
        // Every single-line deletion and a cut after every line: each run ends in a model or an error diagnostic.
        var lines = OperationSpec.Split('\n');
        var variants = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            variants.Add(string.Join("\n", lines.Where((_, index) => index != i)));
            variants.Add(string.Join("\n", lines.Take(i)));
            variants.Add(string.Join("\n", lines.Select((line, index) => index == i ? line.Replace(":", string.Empty, StringComparison.Ordinal) : line)));
        }

        variants.Add("\u0000\u0001garbage");
        variants.Add("[1, 2");
        variants.Add("openapi: 3.1.0\n\tinfo: x");

        foreach (var variant in variants)
        {
            var parsed = Parse(variant);
            Assert.True(
                parsed.Model is not null || parsed.Diagnostics.Any(d => Severity(d) == DiagnosticSeverity.Error),
                "neither a model nor an error for:\n" + variant);
            Assert.DoesNotContain(parsed.Diagnostics, d => d.DescriptorId == "TETHER011");
        }
    }

    private const string OperationSpec = """
        openapi: 3.1.0
        info: { title: x, version: "1" }
        paths:
          /things/{id}:
            get:
              operationId: getThing
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Thing" }
        components:
          schemas:
            Thing:
              type: object
              required: [id]
              properties:
                id: { type: string }
                kind:
                  oneOf:
                    - $ref: "#/components/schemas/Other"
                    - type: string
                      enum: [a, b]
                  discriminator: { propertyName: type }
            Other:
              allOf:
                - $ref: "#/components/schemas/Thing"
                - type: object
                  properties:
                    extra: { type: integer, format: unixtime }
        """;

    private static DiagnosticInfo SingleError(string text, string id, string path = SpecPath)
    {
        var parsed = Parse(text, path);
        Assert.Null(parsed.Model);
        var diagnostic = Assert.Single(parsed.Diagnostics, d => Severity(d) == DiagnosticSeverity.Error);
        Assert.Equal(id, diagnostic.DescriptorId);
        Assert.Equal(path, diagnostic.Location!.FilePath);
        Assert.Equal(path, diagnostic.MessageArgs[0]);
        return diagnostic;
    }

    private static void AssertAt(DiagnosticInfo diagnostic, string text, int position)
    {
        Assert.True(position >= 0);
        var expected = SourceText.From(text).Lines.GetLinePosition(position);
        Assert.Equal(expected, diagnostic.Location!.LineSpan.Start);
    }
}
