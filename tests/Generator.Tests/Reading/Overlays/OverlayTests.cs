using Microsoft.CodeAnalysis.Text;
using Tether.Generator.Model;
using Tether.Generator.Reading;
using Tether.Generator.Translating;
using Tether.Generator.Tests.Support;
using Xunit;
using static Tether.Generator.Tests.Support.ParsingHarness;

namespace Tether.Generator.Tests.Reading.Overlays;

/// <summary>Overlays applied to a spec before it is read: update, remove, their order, YAML and JSON, and the problems reported.</summary>
public sealed class OverlayTests
{
    private const string OverlayPath = "/project/openapi/pets.overlay.yaml";

    private const string Spec = """
        openapi: 3.1.0
        info: { title: Pets, version: "1" }
        paths:
          /pets/{id}:
            get:
              operationId: getPet
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: verbose, in: query, schema: { type: boolean } }
              responses:
                "200":
                  description: ok
                  content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } }
        components:
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                name: { type: string, description: The name. }
                tag: { type: string }
        """;

    [Fact]
    public void AnUpdateMergesIntoTheSelectedObject()
    {
        var model = ParseCleanWith(Spec, Yaml("""
            - target: $.components.schemas.Pet
              update:
                required: [age]
                properties:
                  name: { description: What it answers to. }
                  age: { type: integer }
            """));

        var pet = model.Type<ObjectTypeModel>("Pet");
        Assert.Equal(["name", "tag", "age"], pet.Properties.Select(p => p.JsonName));
        Assert.Equal("What it answers to.", pet.Property("name").Description);
        Assert.Equal(TypeRefKind.String, pet.Property("name").Type.Kind);
        // Arrays are concatenated: `name` stays required and `age` joins it.
        Assert.True(pet.Property("name").Required);
        Assert.True(pet.Property("age").Required);
        Assert.False(pet.Property("tag").Required);
    }

    [Fact]
    public void ActionsApplyInOrderSoARemovedNodeCanBeWrittenAnew()
    {
        var removeThenUpdate = ParseCleanWith(Spec, Yaml("""
            - target: $.components.schemas.Pet.properties.tag
              remove: true
            - target: $.components.schemas.Pet.properties
              update:
                tag: { type: integer }
            """));
        var updateThenRemove = ParseCleanWith(Spec, Yaml("""
            - target: $.components.schemas.Pet.properties
              update:
                tag: { type: integer }
            - target: $.components.schemas.Pet.properties.tag
              remove: true
            """));

        Assert.Equal(TypeRefKind.Int64, removeThenUpdate.Type<ObjectTypeModel>("Pet").Property("tag").Type.Kind);
        Assert.DoesNotContain(updateThenRemove.Type<ObjectTypeModel>("Pet").Properties, p => p.JsonName == "tag");
    }

    [Fact]
    public void ARemoveByFilterTakesArrayElementsOut()
    {
        var model = ParseCleanWith(Spec, Yaml("""
            - target: $.paths['/pets/{id}'].get.parameters[?@.in == 'query']
              remove: true
            """));

        Assert.Equal(["id"], model.Operation("getPet").Parameters.Select(p => p.Name));
    }

    [Fact]
    public void SeveralOverlaysApplyInTheOrderGiven()
    {
        var first = Overlay(OverlayPath, Yaml("""
            - target: $.components.schemas.Pet.properties.name
              update: { description: first }
            """));
        var second = Overlay("/project/openapi/second.overlay.json", """
            { "overlay": "1.0.0", "info": { "title": "t", "version": "1" },
              "actions": [ { "target": "$.components.schemas.Pet.properties.name", "update": { "description": "second" } } ] }
            """);

        Assert.Equal("second", ParseCleanWith(Spec, first, second).Type<ObjectTypeModel>("Pet").Property("name").Description);
        Assert.Equal("first", ParseCleanWith(Spec, second, first).Type<ObjectTypeModel>("Pet").Property("name").Description);
    }

    [Fact]
    public void AYamlOverlayAppliesToAJsonSpec()
    {
        var jsonSpec = YamlToJson.Convert(Spec);

        var parsed = Parse(jsonSpec, "/project/openapi/pets.json", Overlay(OverlayPath, Yaml("""
            - target: "$.components.schemas.Pet.properties"
              update:
                age: { type: integer, format: int64 }
            """)));

        Assert.DoesNotContain(parsed.Diagnostics, d => Severity(d) != Microsoft.CodeAnalysis.DiagnosticSeverity.Info);
        Assert.Equal(TypeRefKind.Int64, parsed.Model!.Type<ObjectTypeModel>("Pet").Property("age").Type.Kind);
    }

    [Fact]
    public void AnOverlayCanAddTheOpenApi30NullableTheReaderDrops()
    {
        var spec30 = Spec.Replace("openapi: 3.1.0", "openapi: 3.0.3") + """

                Owner:
                  type: object
                  properties:
                    pet: { $ref: "#/components/schemas/Pet" }
            """;

        var model = ParseCleanWith(spec30, Yaml("""
            - target: $.components.schemas.Owner.properties.pet
              update: { nullable: true }
            """));

        Assert.True(model.Type<ObjectTypeModel>("Owner").Property("pet").Nullable);
    }

    [Fact]
    public void ATargetThatSelectsNothingIsAWarningAtItsLineInTheOverlay()
    {
        var overlay = Yaml("""
            - target: $.components.schemas.Pet
              update: { description: fine }
            - target: $.components.schemas.Dog
              update: { description: no such schema }
            """);

        var parsed = Parse(Spec, SpecPath, Overlay(OverlayPath, overlay));

        var diagnostic = Assert.Single(parsed.Diagnostics, d => d.DescriptorId == "TETHER018");
        Assert.Equal(OverlayPath, diagnostic.Location!.FilePath);
        Assert.Equal(LineOf(overlay, "$.components.schemas.Dog"), diagnostic.Location.LineSpan.Start.Line);
        Assert.Equal(["/project/openapi/pets.overlay.yaml", "$.components.schemas.Dog", "2", SpecPath], diagnostic.MessageArgs);
        Assert.Equal("fine", parsed.Model!.Type<ObjectTypeModel>("Pet").Description);
    }

    [Fact]
    public void ATargetThatIsNoJsonPathIsAnErrorAtItsLineAndTheOtherActionsStillApply()
    {
        var overlay = Yaml("""
            - target: $.components.schemas[1:2]
              update: { description: sliced }
            - target: $.components.schemas.Pet
              update: { description: applied }
            """);

        var parsed = Parse(Spec, SpecPath, Overlay(OverlayPath, overlay));

        var diagnostic = Assert.Single(parsed.Diagnostics, d => d.DescriptorId == "TETHER019");
        Assert.Equal(LineOf(overlay, "[1:2]"), diagnostic.Location!.LineSpan.Start.Line);
        Assert.Contains("slices", diagnostic.MessageArgs[3]);
        Assert.Equal("applied", parsed.Model!.Type<ObjectTypeModel>("Pet").Description);
    }

    [Fact]
    public void AnUpdateThatCannotMergeIsAnErrorAtItsPlaceInTheOverlay()
    {
        var overlay = Yaml("""
            - target: $.components.schemas.Pet
              update:
                properties:
                  name: a string where the spec has an object
            """);

        var parsed = Parse(Spec, SpecPath, Overlay(OverlayPath, overlay));

        var diagnostic = Assert.Single(parsed.Diagnostics, d => d.DescriptorId == "TETHER017");
        Assert.Equal(LineOf(overlay, "name: a string"), diagnostic.Location!.LineSpan.Start.Line);
        Assert.Contains("#/components/schemas/Pet/properties/name", diagnostic.MessageArgs[1]);
        Assert.Equal(TypeRefKind.String, parsed.Model!.Type<ObjectTypeModel>("Pet").Property("name").Type.Kind);
    }

    [Theory]
    [InlineData("openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: {}\n", "no 'overlay: 1.0.0' field")]
    [InlineData("overlay: 2.0.0\ninfo: { title: t, version: '1' }\nactions:\n  - { target: $, update: {} }\n", "not a version")]
    [InlineData("overlay: 1.0.0\ninfo: { title: t, version: '1' }\n", "no 'actions'")]
    [InlineData("overlay: 1.0.0\ninfo: { title: t, version: '1' }\nactions: []\n", "at least one action")]
    [InlineData("overlay: 1.0.0\nactions:\n  - update: { description: x }\n", "has no 'target'")]
    [InlineData("overlay: 1.0.0\nactions:\n  - { target: $.info, update: { description: x }, remove: true }\n", "both 'update' and 'remove: true'")]
    [InlineData("overlay: 1.0.0\nactions:\n  - { target: $.info, remove: false }\n", "neither 'update' nor 'remove: true'")]
    [InlineData("overlay: 1.0.0\nactions:\n  - { target: $.info, remove: yes please }\n", "must be true or false")]
    [InlineData("overlay: 1.1.0\nactions:\n  - { target: $.info, copy: $.paths }\n", "'copy'")]
    [InlineData("overlay: 1.0.0\nactions:\n  - target: $.info\n    update: { description: [unclosed }\n", "line 4")]
    [InlineData("{ \"overlay\": \"1.0.0\", \"actions\": [ ", "line")]
    [InlineData("overlay: 1.0.0\nactions:\n  - { target: $, remove: true }\n", "whole document")]
    [InlineData("", "empty")]
    [InlineData("- target: $\n  remove: true\n", "not a mapping")]
    [InlineData("{ \"overlay\": \"1.0.0\", \"overlay\": \"1.0.0\", \"actions\": [] }", "same key")]
    public void AnInvalidOverlayIsReportedAndTheSpecStillGenerates(string overlay, string reason)
    {
        var path = overlay.StartsWith('{') ? "/project/bad.overlay.json" : "/project/bad.overlay.yaml";

        var parsed = Parse(Spec, SpecPath, Overlay(path, overlay));

        var diagnostic = Assert.Single(parsed.Diagnostics, d => d.DescriptorId == "TETHER017");
        Assert.Equal(path, diagnostic.Location!.FilePath);
        Assert.Contains(reason, diagnostic.MessageArgs[1]);
        Assert.NotNull(parsed.Model);
        Assert.True(parsed.Model!.HasType("Pet"));
    }

    [Fact]
    public void TheSpecsOwnProblemsStillPointIntoTheSpecWhereTheOverlayDidNotTouchIt()
    {
        var spec = Spec + """

                Broken:
                  type: object
                  properties:
                    owner: { $ref: "#/components/schemas/Missing" }
            """;
        var overlay = Overlay(OverlayPath, Yaml("""
            - target: $.components.schemas
              update:
                Added: { type: object, properties: { also: { $ref: "#/components/schemas/AlsoMissing" } } }
            """));

        var without = Assert.Single(ParsingHarness.Parse(spec).Diagnostics, d => d.DescriptorId == "TETHER004");
        var with = Parse(spec, SpecPath, overlay).Diagnostics.Where(d => d.DescriptorId == "TETHER004").ToList();

        Assert.Equal(2, with.Count);
        var untouched = Assert.Single(with, d => d.MessageArgs[0].Contains("/Missing"));
        Assert.Equal(without.Location, untouched.Location);
        Assert.Equal(LineOf(spec, "owner:"), untouched.Location!.LineSpan.Start.Line);
        // What the overlay added is not in the spec's text: it is reported at the nearest place that is.
        var added = Assert.Single(with, d => d.MessageArgs[0].Contains("AlsoMissing"));
        Assert.Equal(SpecPath, added.Location!.FilePath);
        Assert.Equal(LineOf(spec, "  schemas:"), added.Location.LineSpan.Start.Line);
    }

    [Fact]
    public void EveryTruncationOfAnOverlayIsReportedNeverThrownOrAnInternalError()
    {
        var overlay = Yaml("""
            - target: "$.paths['/pets/{id}'].get.parameters[?(@.in == 'query' && !@.required)]"
              description: drop the optional query parameters
              remove: true
            - target: $..properties[?@.type == "string"]
              update: { description: "a string", x-tags: [a, b] }
            """);

        for (var length = 0; length <= overlay.Length; length += 3)
        {
            var parsed = Parse(Spec, SpecPath, Overlay(OverlayPath, overlay.Substring(0, length)));

            Assert.DoesNotContain(parsed.Diagnostics, d => d.DescriptorId == "TETHER011");
            Assert.NotNull(parsed.Model);
        }
    }

    private static string Yaml(string actions) => "overlay: 1.0.0\ninfo:\n  title: test\n  version: 1.0.0\nactions:\n" + Indent(actions, 2) + "\n";

    private static AdditionalDocument Overlay(string path, string text) => new(path, text);

    private static ParsedSpec Parse(string spec, string path, params AdditionalDocument[] overlays)
        => SpecParser.Parse(path, SourceText.From(spec), overlays.ToEquatableArray(), CancellationToken.None);

    private static ApiModel ParseCleanWith(string spec, params object[] overlays)
    {
        var documents = overlays.Select(overlay => overlay as AdditionalDocument ?? Overlay(OverlayPath, (string)overlay)).ToArray();
        var parsed = Parse(spec, SpecPath, documents);
        var problems = parsed.Diagnostics.Where(d => Severity(d) != Microsoft.CodeAnalysis.DiagnosticSeverity.Info).ToList();
        Assert.True(problems.Count == 0, "unexpected diagnostics: " + string.Join("; ", problems.Select(Describe)));
        return parsed.Model!;
    }

    private static int LineOf(string text, string fragment)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(fragment, StringComparison.Ordinal));
        Assert.True(line >= 0, $"'{fragment}' is not in the text");
        return line;
    }
}
