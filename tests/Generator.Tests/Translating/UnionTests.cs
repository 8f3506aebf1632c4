using Tether.Generator.Model;
using Xunit;
using static Tether.Generator.Tests.Support.ParsingHarness;

namespace Tether.Generator.Tests.Translating;

/// <summary>oneOf/anyOf: variants, how they are told apart, and the cases that are not unions after all.</summary>
public sealed class UnionTests
{
    [Fact]
    public void DiscriminatorValuesComeFromEachMembersEnumOrConst()
    {
        var model = ParseClean(WithSchemas("""
            Shape:
              oneOf:
                - $ref: "#/components/schemas/Circle"
                - $ref: "#/components/schemas/Square"
                - $ref: "#/components/schemas/WebSearch"
              discriminator:
                propertyName: type
            Circle:
              type: object
              required: [type, radius]
              properties:
                type: { type: string, enum: [circle] }
                radius: { type: number }
            Square:
              type: object
              required: [type]
              properties:
                type: { type: string, const: square }
            WebSearch:
              type: object
              properties:
                type: { type: string, enum: [web_search, web_search_2025_08_26] }
            """));

        var shape = model.Type<UnionTypeModel>("Shape");
        Assert.Equal("type", shape.DiscriminatorProperty);
        Assert.Equal(new[] { "circle" }, shape.Variant("Circle").ConstValues("type"));
        Assert.Equal(new[] { "square" }, shape.Variant("Square").ConstValues("type"));
        Assert.Equal(new[] { "web_search", "web_search_2025_08_26" }, shape.Variant("WebSearch").ConstValues("type"));
        Assert.Equal(new[] { "type", "radius" }, shape.Variant("Circle").RequiredProperties);
        Assert.All(shape.Variants, v => Assert.Equal(JsonValueKind.Object, v.ValueKind));
    }

    [Fact]
    public void ExplicitMappingWinsAndUnmappedMembersUseTheirSchemaName()
    {
        var model = ParseClean(WithSchemas("""
            Pet:
              oneOf:
                - $ref: "#/components/schemas/Cat"
                - $ref: "#/components/schemas/Dog"
              discriminator:
                propertyName: petType
                mapping:
                  kitty: "#/components/schemas/Cat"
            Cat:
              type: object
              properties:
                petType: { type: string }
            Dog:
              type: object
              properties:
                petType: { type: string }
            """));

        var pet = model.Type<UnionTypeModel>("Pet");
        Assert.Equal(new[] { "kitty" }, pet.Variant("Cat").ConstValues("petType"));
        Assert.Equal(new[] { "Dog" }, pet.Variant("Dog").ConstValues("petType"));
    }

    [Fact]
    public void MembersSharingADiscriminatorValueAreToldApartByTheirOtherFixedProperties()
    {
        var model = ParseClean(WithSchemas("""
            Item:
              oneOf:
                - $ref: "#/components/schemas/InputMessage"
                - $ref: "#/components/schemas/OutputMessage"
                - $ref: "#/components/schemas/FunctionCall"
              discriminator:
                propertyName: type
            InputItem:
              oneOf:
                - $ref: "#/components/schemas/EasyMessage"
                - type: object
                  title: Item
                  $ref: "#/components/schemas/Item"
              discriminator:
                propertyName: type
            InputMessage:
              type: object
              required: [role, content]
              properties:
                type: { type: string, enum: [message] }
                role: { type: string, enum: [user, system, developer] }
                content: { type: string }
            OutputMessage:
              type: object
              required: [type, role, status]
              properties:
                type: { type: string, enum: [message] }
                role: { type: string, enum: [assistant] }
                status: { $ref: "#/components/schemas/Status" }
                model: { $ref: "#/components/schemas/ModelId" }
            FunctionCall:
              type: object
              required: [type, name]
              properties:
                type: { type: string, enum: [function_call] }
                name: { type: string }
            EasyMessage:
              type: object
              required: [role]
              properties:
                type: { type: string, enum: [message] }
                role: { type: string, enum: [user, assistant] }
            Status:
              type: string
              enum: [in_progress, completed]
            ModelId:
              anyOf:
                - type: string
                - type: string
                  enum: [gpt-4o]
            """));

        var item = model.Type<UnionTypeModel>("Item");
        var input = item.Variant("InputMessage");
        var output = item.Variant("OutputMessage");

        // The discriminator comes first; then every other property restricted to fixed values.
        Assert.Equal(new[] { "type", "role" }, input.ConstProperties.Select(c => c.JsonName));
        Assert.Equal(new[] { "user", "system", "developer" }, input.ConstValues("role"));
        Assert.Equal(new[] { "type", "role", "status" }, output.ConstProperties.Select(c => c.JsonName));
        Assert.Equal(new[] { "assistant" }, output.ConstValues("role"));
        Assert.Equal(new[] { "in_progress", "completed" }, output.ConstValues("status"));

        // An open enum accepts any string, so it tells nothing apart.
        Assert.Null(output.ConstValues("model"));

        // A union used as a variant is known by what all its members share.
        var inputItem = model.Type<UnionTypeModel>("InputItem");
        Assert.Equal(new[] { "message", "function_call" }, inputItem.Variant("Item").ConstValues("type"));
        Assert.Equal(TypeRef.Named("Item", NamedTypeKind.Union), inputItem.Variant("Item").Type);
    }

    [Fact]
    public void StringOrArrayAndOtherPrimitiveUnionsAreTypedByJsonKind()
    {
        var model = ParseClean(WithSchemas("""
            Part:
              type: object
              properties:
                text: { type: string }
            Holder:
              type: object
              properties:
                content:
                  oneOf:
                    - type: string
                    - type: array
                      items: { $ref: "#/components/schemas/Part" }
                size:
                  anyOf:
                    - type: string
                    - type: integer
                prompt:
                  oneOf:
                    - type: string
                    - type: array
                      items: { type: string }
                    - type: array
                      items: { type: integer }
                    - type: array
                      items:
                        type: array
                        items: { type: integer }
                beta:
                  oneOf:
                    - type: string
                      enum: [auto]
                    - type: number
                      exclusiveMinimum: true
            """));

        var holder = model.Type<ObjectTypeModel>("Holder");
        var content = model.Type<UnionTypeModel>(holder.Property("content").Type.Name!);
        Assert.Equal(
            new[] { ("String", JsonValueKind.String), ("PartList", JsonValueKind.Array) },
            content.Variants.Select(v => (v.Name, v.ValueKind)));
        Assert.Equal(TypeRef.ArrayOf(TypeRef.Named("Part", NamedTypeKind.Object)), content.Variant("PartList").Type);

        var size = model.Type<UnionTypeModel>(holder.Property("size").Type.Name!);
        Assert.Equal(new[] { JsonValueKind.String, JsonValueKind.Integer }, size.Variants.Select(v => v.ValueKind));

        var prompt = model.Type<UnionTypeModel>(holder.Property("prompt").Type.Name!);
        Assert.Equal(new[] { "String", "StringList", "Int64List", "Int64ListList" }, prompt.Variants.Select(v => v.Name));

        var beta = model.Type<UnionTypeModel>(holder.Property("beta").Type.Name!);
        Assert.Equal(new[] { ("Auto", TypeRef.String), ("Double", TypeRef.Double) }, beta.Variants.Select(v => (v.Name, v.Type)));
    }

    [Fact]
    public void MembersWithTheSameCSharpTypeCollapse()
    {
        var model = ParseClean(WithSchemas("""
            Holder:
              type: object
              properties:
                twice:
                  anyOf:
                    - type: integer
                    - type: integer
                      minimum: 1
                day:
                  anyOf:
                    - type: string
                    - type: string
                      format: date
                wide:
                  oneOf:
                    - type: integer
                    - type: integer
                      format: int64
                sameRef:
                  oneOf:
                    - $ref: "#/components/schemas/Thing"
                    - $ref: "#/components/schemas/Thing"
            Thing:
              type: object
              properties:
                x: { type: string }
            """));

        var holder = model.Type<ObjectTypeModel>("Holder");
        Assert.Equal(TypeRef.Int64, holder.Property("twice").Type);
        Assert.Equal(TypeRef.String, holder.Property("day").Type);
        Assert.Equal(TypeRef.Int64, holder.Property("wide").Type);
        Assert.Equal(TypeRef.Named("Thing", NamedTypeKind.Object), holder.Property("sameRef").Type);
        Assert.Empty(model.Types.OfType<UnionTypeModel>());
    }

    [Fact]
    public void RequiredOnlyBranchesLeaveAnObjectWithOptionalProperties()
    {
        // ImageRefParam: "exactly one of image_url / file_id", written as anyOf of required lists plus a `not`.
        var model = ParseClean(WithSchemas("""
            ImageRefParam:
              type: object
              properties:
                image_url: { type: string, format: uri }
                file_id: { type: string }
              anyOf:
                - required: [image_url]
                - required: [file_id]
              not:
                required: [image_url, file_id]
              additionalProperties: false
            """));

        var image = model.Type<ObjectTypeModel>("ImageRefParam");
        Assert.Equal(new[] { "image_url", "file_id" }, image.Properties.Select(p => p.JsonName));
        Assert.All(image.Properties, p => Assert.False(p.Required));
        Assert.Equal(TypeRef.String, image.Property("image_url").Type);
    }

    [Fact]
    public void NestedInlineUnionsAreFlattenedAndTypeListsBecomeUnions()
    {
        var model = ParseClean(WithSchemas("""
            A: { type: object, properties: { a: { type: string } } }
            B: { type: object, properties: { b: { type: string } } }
            C: { type: object, properties: { c: { type: string } } }
            Nested:
              anyOf:
                - oneOf:
                    - $ref: "#/components/schemas/A"
                    - $ref: "#/components/schemas/B"
                - $ref: "#/components/schemas/C"
            Listed:
              type: [string, integer, "null"]
            """));

        Assert.Equal(new[] { "A", "B", "C" }, model.Type<UnionTypeModel>("Nested").Variants.Select(v => v.Name));
        var listed = model.Type<UnionTypeModel>("Listed");
        Assert.Equal(new[] { (TypeRef.String, JsonValueKind.String), (TypeRef.Int64, JsonValueKind.Integer) }, listed.Variants.Select(v => (v.Type, v.ValueKind)));
    }

    [Fact]
    public void InlineMembersAreNamedByTitleThenFixedTypeValueThenPosition()
    {
        var model = ParseClean(WithSchemas("""
            Detection:
              anyOf:
                - oneOf:
                    - type: object
                      title: Server VAD
                      properties:
                        type: { type: string, const: server_vad }
                    - type: object
                      properties:
                        type: { type: string, const: semantic_vad }
                    - type: object
                      properties:
                        threshold: { type: number }
                  discriminator:
                    propertyName: type
                - type: "null"
            """));

        var detection = model.Type<UnionTypeModel>("Detection");
        Assert.Equal(new[] { "ServerVAD", "SemanticVad", "Variant3" }, detection.Variants.Select(v => v.Name));
        Assert.Equal(
            new[] { "DetectionServerVAD", "DetectionSemanticVad", "DetectionVariant3" },
            detection.Variants.Select(v => v.Type.Name));
        Assert.Equal(new[] { "server_vad" }, detection.Variant("ServerVAD").ConstValues("type"));
    }
}
