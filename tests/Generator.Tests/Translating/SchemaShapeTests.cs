using Tether.Generator.Model;
using Xunit;
using static Tether.Generator.Tests.Support.ParsingHarness;

namespace Tether.Generator.Tests.Translating;

/// <summary>allOf merging, aliases, recursion, maps and formats.</summary>
public sealed class SchemaShapeTests
{
    [Fact]
    public void AllOfMergesPartsAndHonoursRequiredNamesFromSiblingParts()
    {
        var model = ParseClean(WithSchemas("""
            ModelResponseProperties:
              type: object
              properties:
                model: { type: string }
                tools:
                  type: array
                  items: { type: string }
                temperature: { type: number }
            Response:
              title: The response object
              allOf:
                - $ref: "#/components/schemas/ModelResponseProperties"
                - type: object
                  required: [id, model, tools]
                  properties:
                    id: { type: string }
                    model: { type: string, description: narrowed here }
            """));

        var response = model.Type<ObjectTypeModel>("Response");
        Assert.Equal(new[] { "model", "tools", "temperature", "id" }, response.Properties.Select(p => p.JsonName));
        Assert.Equal(new[] { "model", "tools", "id" }, response.Properties.Where(p => p.Required).Select(p => p.JsonName));
        Assert.Equal("narrowed here", response.Property("model").Description);

        // The part itself is unchanged.
        Assert.All(model.Type<ObjectTypeModel>("ModelResponseProperties").Properties, p => Assert.False(p.Required));
    }

    [Fact]
    public void AllOfOfOneReferenceIsThatTypeAndAliasesAreNotEmitted()
    {
        var model = ParseClean(WithSchemas("""
            Grader:
              type: object
              properties:
                name: { type: string }
            EvalGrader:
              type: object
              title: LabelModelGrader
              allOf:
                - $ref: "#/components/schemas/Grader"
            Id: { type: string }
            Ids:
              type: array
              items: { $ref: "#/components/schemas/Id" }
            Labels:
              type: object
              additionalProperties: { type: string }
            Holder:
              type: object
              properties:
                grader: { $ref: "#/components/schemas/EvalGrader" }
                id: { $ref: "#/components/schemas/Id" }
                ids: { $ref: "#/components/schemas/Ids" }
                labels: { $ref: "#/components/schemas/Labels" }
            """));

        Assert.Equal(new[] { "Grader", "Holder" }, model.Types.Select(t => t.Name));
        var holder = model.Type<ObjectTypeModel>("Holder");
        Assert.Equal(TypeRef.Named("Grader", NamedTypeKind.Object), holder.Property("grader").Type);
        Assert.Equal(TypeRef.String, holder.Property("id").Type);
        Assert.Equal(TypeRef.ArrayOf(TypeRef.String), holder.Property("ids").Type);
        Assert.Equal(TypeRef.MapOf(TypeRef.String), holder.Property("labels").Type);
    }

    [Fact]
    public void AllOfOfAUnionAndAnObjectIsTheUnion()
    {
        // ResponsesWebSocketStreamEvent: the extra optional property survives as an unknown member at run time.
        var model = ParseClean(WithSchemas("""
            A: { type: object, properties: { type: { type: string, const: a } } }
            B: { type: object, properties: { type: { type: string, const: b } } }
            Event:
              allOf:
                - anyOf:
                    - $ref: "#/components/schemas/A"
                    - $ref: "#/components/schemas/B"
                - type: object
                  properties:
                    stream_id: { type: string }
            """));

        Assert.Equal(new[] { "A", "B" }, model.Type<UnionTypeModel>("Event").Variants.Select(v => v.Name));
    }

    [Fact]
    public void AllOfOfIncompatibleSchemasWarnsAndFallsBackToJson()
    {
        var parsed = Parse(WithSchemas("""
            Holder:
              type: object
              properties:
                odd:
                  allOf:
                    - type: string
                    - type: integer
            """));

        var warning = Assert.Single(parsed.Diagnostics, d => d.DescriptorId == "TETHER005");
        Assert.Contains("#/components/schemas/Holder/properties/odd", warning.MessageArgs[1], StringComparison.Ordinal);
        Assert.Equal(TypeRef.Any, parsed.Model!.Type<ObjectTypeModel>("Holder").Property("odd").Type);
    }

    [Theory]
    [InlineData("3.1.0")]
    [InlineData("3.0.3")]
    public void RecursiveRefPointsBackToTheEnclosingComponent(string version)
    {
        // CompoundFilter. OpenAPI.NET keeps `$recursiveRef` as an unknown keyword in 3.1 and drops it in 3.0.
        var model = ParseClean(WithSchemas("""
            ComparisonFilter:
              type: object
              required: [type, key]
              properties:
                type: { type: string, enum: [eq, ne, gt] }
                key: { type: string }
            CompoundFilter:
              type: object
              $recursiveAnchor: true
              required: [type, filters]
              properties:
                type: { type: string, enum: [and, or] }
                filters:
                  type: array
                  items:
                    oneOf:
                      - $ref: "#/components/schemas/ComparisonFilter"
                      - $recursiveRef: "#"
                    discriminator:
                      propertyName: type
            """, version));

        var filters = model.Type<ObjectTypeModel>("CompoundFilter").Property("filters");
        Assert.Equal(TypeRefKind.Array, filters.Type.Kind);
        var items = model.Type<UnionTypeModel>(filters.Type.Element!.Name!);
        Assert.Equal(
            new[] { TypeRef.Named("ComparisonFilter", NamedTypeKind.Object), TypeRef.Named("CompoundFilter", NamedTypeKind.Object) },
            items.Variants.Select(v => v.Type));
        Assert.Equal(new[] { "and", "or" }, items.Variant("CompoundFilter").ConstValues("type"));
    }

    [Fact]
    public void SelfReferencingObjectsNeedNothingSpecial()
    {
        var model = ParseClean(WithSchemas("""
            Node:
              type: object
              properties:
                children:
                  type: array
                  items: { $ref: "#/components/schemas/Node" }
                parent: { $ref: "#/components/schemas/Node" }
            """));

        var node = model.Type<ObjectTypeModel>("Node");
        Assert.Equal(TypeRef.ArrayOf(TypeRef.Named("Node", NamedTypeKind.Object)), node.Property("children").Type);
        Assert.Equal(TypeRef.Named("Node", NamedTypeKind.Object), node.Property("parent").Type);
    }

    [Fact]
    public void AdditionalPropertiesBecomeMapsOrTypedExtraMembers()
    {
        var model = ParseClean(WithSchemas("""
            Holder:
              type: object
              properties:
                scores:
                  type: object
                  additionalProperties: { type: number }
                free:
                  type: object
                  additionalProperties: true
                bare: { type: object }
                nested:
                  type: object
                  additionalProperties:
                    type: object
                    properties:
                      a: { type: string }
            Open:
              type: object
              properties:
                name: { type: string }
              additionalProperties: { type: integer }
            Closed:
              type: object
              properties:
                name: { type: string }
              additionalProperties: false
            """));

        var holder = model.Type<ObjectTypeModel>("Holder");
        Assert.Equal(TypeRef.MapOf(TypeRef.Double), holder.Property("scores").Type);
        Assert.Equal(TypeRef.MapOf(TypeRef.Any), holder.Property("free").Type);
        Assert.Equal(TypeRef.MapOf(TypeRef.Any), holder.Property("bare").Type);
        Assert.Equal(TypeRef.MapOf(TypeRef.Named("HolderNestedValue", NamedTypeKind.Object)), holder.Property("nested").Type);
        Assert.Equal(TypeRef.Int64, model.Type<ObjectTypeModel>("Open").AdditionalProperties);
        Assert.Null(model.Type<ObjectTypeModel>("Closed").AdditionalProperties);
    }

    [Fact]
    public void FormatsMapToTheirCSharpTypes()
    {
        var model = ParseClean(WithSchemas("""
            Holder:
              type: object
              properties:
                created: { type: integer, format: unixtime }
                createdFraction: { type: number, format: unixtime }
                big: { type: integer, format: int64 }
                count: { type: integer }
                ratio: { type: number, format: double }
                plainNumber: { type: number }
                small: { type: number, format: float }
                file: { type: string, format: binary }
                day: { type: string, format: date }
                link: { type: string, format: uri }
                flag: { type: boolean }
                anything: { description: no type at all }
            """));

        var holder = model.Type<ObjectTypeModel>("Holder");
        var expected = new Dictionary<string, TypeRef>
        {
            ["created"] = TypeRef.UnixTime,
            ["createdFraction"] = TypeRef.UnixTime,
            ["big"] = TypeRef.Int64,
            ["count"] = TypeRef.Int64,
            ["ratio"] = TypeRef.Double,
            ["plainNumber"] = TypeRef.Double,
            ["small"] = TypeRef.Single,
            ["file"] = TypeRef.Binary,
            ["day"] = TypeRef.Date,
            ["link"] = TypeRef.String,
            ["flag"] = TypeRef.Boolean,
            ["anything"] = TypeRef.Any,
        };
        Assert.Equal(expected, holder.Properties.ToDictionary(p => p.JsonName, p => p.Type));
    }

    [Fact]
    public void TheModelIsDeterministicAndSortedByName()
    {
        const string Schemas = """
            Zeta: { type: object, properties: { inner: { type: object, properties: { a: { type: string } } } } }
            Alpha:
              oneOf:
                - $ref: "#/components/schemas/Zeta"
                - type: object
                  properties:
                    b: { type: string, enum: [x, y] }
            """;
        var first = ParseClean(WithSchemas(Schemas));
        var second = ParseClean(WithSchemas(Schemas));

        Assert.Equal(first, second);
        Assert.Equal(first.Types.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal), first.Types.Select(t => t.Name));
    }
}
