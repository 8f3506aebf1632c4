using Tether.Generator.Emitting;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;
using Tether.Generator.Model;
using Tether.Generator.Tests.Emitting;
using Tether.Generator.Tests.Support;
using Xunit;
using static Tether.Generator.Tests.Support.ParsingHarness;

namespace Tether.Generator.Tests.Translating;

/// <summary>
/// <c>$ref</c>s that point inside a schema or an operation (valid JSON pointers that OpenAPI.NET cuts to their last
/// segment): the property gets the target's real type, and an inline object target is one type for every reference.
/// </summary>
public sealed class DeepReferenceTests
{
    // 'items' and '0' are also component names: the cut-short pointer must not land on them.
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Test, version: "1" }
        paths:
          /things:
            post:
              operationId: createThing
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        label: { type: integer, format: int64 }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Copy" }
        components:
          parameters:
            Limit:
              name: limit
              in: query
              schema: { type: integer, format: int32 }
          schemas:
            items: { type: boolean }
            "0": { type: boolean }
            Source:
              type: object
              properties:
                created_at: { type: string, format: date-time }
                tags:
                  type: array
                  items:
                    type: object
                    properties:
                      name: { type: string }
                extra:
                  type: object
                  additionalProperties: { type: number, format: double }
              allOf:
                - type: object
                  properties:
                    size: { type: integer, format: int32 }
            Copy:
              type: object
              properties:
                created_at: { $ref: "#/components/schemas/Source/properties/created_at" }
                tag: { $ref: "#/components/schemas/Source/properties/tags/items" }
                same_tag: { $ref: "#/components/schemas/Source/properties/tags/items" }
                ratio: { $ref: "#/components/schemas/Source/properties/extra/additionalProperties" }
                size: { $ref: "#/components/schemas/Source/allOf/0/properties/size" }
                label: { $ref: "#/paths/~1things/post/requestBody/content/application~1json/schema/properties/label" }
                limit: { $ref: "#/components/parameters/Limit/schema" }
        """;

    [Fact]
    public void DeepReferencesGetTheirTargetsRealTypes()
    {
        var model = ParseClean(Spec);
        var copy = model.Type<ObjectTypeModel>("Copy");

        Assert.Equal(TypeRef.String, copy.Property("created_at").Type);
        Assert.Equal(TypeRef.Double, copy.Property("ratio").Type);
        Assert.Equal(TypeRef.Int32, copy.Property("size").Type);
        Assert.Equal(TypeRef.Int64, copy.Property("label").Type);
        Assert.Equal(TypeRef.Int32, copy.Property("limit").Type);

        // One type for the inline item, the one Source's own list uses, named where it is written.
        var tag = copy.Property("tag").Type;
        Assert.Equal(TypeRef.Named("SourceTagsItem", NamedTypeKind.Object), tag);
        Assert.Equal(tag, copy.Property("same_tag").Type);
        Assert.Equal(TypeRef.ArrayOf(tag), model.Type<ObjectTypeModel>("Source").Property("tags").Type);
        Assert.Single(model.Types, type => type.Name.StartsWith("SourceTagsItem", StringComparison.Ordinal));
    }

    [Fact]
    public void ADeepReferenceInAReferencedParameterIsFollowedFromTheOperation()
    {
        var model = ParseClean("""
            openapi: 3.0.3
            info: { title: Test, version: "1" }
            paths:
              /things:
                get:
                  operationId: listThings
                  parameters:
                    - $ref: "#/components/parameters/Since"
                  responses: { "200": { description: ok } }
            components:
              parameters:
                Since:
                  name: since
                  in: query
                  schema: { $ref: "#/components/schemas/Thing/properties/created" }
              schemas:
                Thing:
                  type: object
                  properties:
                    created: { type: integer, format: int64 }
            """);

        Assert.Equal(TypeRef.Int64, Assert.Single(Assert.Single(model.Operations).Parameters).Type);
    }

    [Fact]
    public void ADeepReferenceToNothingIsALocatedWarning()
    {
        var parsed = Parse(WithSchemas("""
            Source:
              type: object
              properties:
                a: { type: string }
            Copy:
              type: object
              properties:
                b: { $ref: "#/components/schemas/Source/properties/missing" }
            """));

        var unresolved = Assert.Single(parsed.Diagnostics, d => d.DescriptorId == "TETHER004");
        Assert.Equal("#/components/schemas/Source/properties/missing", unresolved.MessageArgs[0]);
        Assert.NotNull(unresolved.Location);
        Assert.Equal(TypeRef.Any, parsed.Model!.Type<ObjectTypeModel>("Copy").Property("b").Type);
    }

    [Fact]
    public void DeepReferencePropertiesRoundTripWithTheirRealTypes()
    {
        var model = ParseClean(Spec);
        var files = SourceEmitter.Emit(ModelBuilder.Spec(model.Types.ToArray()), CancellationToken.None);
        using var assembly = SourceCompiler.CompileAndLoad(EmittedSource.WithClient(files));
        var options = (System.Text.Json.JsonSerializerOptions)assembly.GetType(ModelBuilder.Namespace + "." + ModelBuilder.ClientName)
            .GetProperty("JsonOptions")!.GetValue(null)!;
        var copyType = assembly.GetType(ModelBuilder.Namespace + "." + ModelBuilder.ClientName + "Models.Copy");

        const string json = """{"created_at":"2024-05-01T10:00:00+00:00","tag":{"name":"a"},"ratio":0.5,"size":3,"label":9000000000,"limit":7}""";
        var copy = System.Text.Json.JsonSerializer.Deserialize(json, copyType, options)!;

        Assert.Equal("2024-05-01T10:00:00+00:00", copyType.GetProperty("CreatedAt")!.GetValue(copy));
        Assert.Equal(9000000000L, copyType.GetProperty("Label")!.GetValue(copy));
        JsonSemantic.AssertEqual(json, System.Text.Json.JsonSerializer.Serialize(copy, copyType, options));
    }
}
