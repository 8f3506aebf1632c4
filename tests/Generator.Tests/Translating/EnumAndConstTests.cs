using Tether.Generator.Model;
using Xunit;
using static Tether.Generator.Tests.Support.ParsingHarness;

namespace Tether.Generator.Tests.Translating;

/// <summary>String enums, open enums (<c>anyOf[string, enum]</c>) and single-value enums/consts.</summary>
public sealed class EnumAndConstTests
{
    [Fact]
    public void OpenEnumIsOneEnumTypeWithValidMemberNames()
    {
        var model = ParseClean(WithSchemas("""
            ModelId:
              anyOf:
                - type: string
                - type: string
                  enum: [gpt-4.1-2025-04-14, gpt-4o, o3]
            ResponsesModel:
              anyOf:
                - $ref: "#/components/schemas/ModelId"
                - type: string
                  enum: [o3-pro]
            AnyModel:
              anyOf:
                - type: string
                - $ref: "#/components/schemas/ModelId"
            Holder:
              type: object
              properties:
                model: { $ref: "#/components/schemas/AnyModel" }
            """));

        var modelId = model.Type<EnumTypeModel>("ModelId");
        Assert.Equal(
            new[] { ("Gpt4_1_2025_04_14", "gpt-4.1-2025-04-14"), ("Gpt4o", "gpt-4o"), ("O3", "o3") },
            modelId.Members.Select(m => (m.Name, m.Value)));

        // A second open enum over the first lists both sets of values.
        var responses = model.Type<EnumTypeModel>("ResponsesModel");
        Assert.Equal(new[] { "gpt-4.1-2025-04-14", "gpt-4o", "o3", "o3-pro" }, responses.Members.Select(m => m.Value));

        // string | an enum type that already accepts any string: just that enum type.
        Assert.False(model.HasType("AnyModel"));
        Assert.Equal(TypeRef.Named("ModelId", NamedTypeKind.Enum), model.Type<ObjectTypeModel>("Holder").Property("model").Type);
        Assert.Empty(model.Types.OfType<UnionTypeModel>());
    }

    [Fact]
    public void SingleValueEnumsAndConstsAreConstStringProperties()
    {
        var model = ParseClean(WithSchemas("""
            ChatCompletion:
              type: object
              required: [object]
              properties:
                object:
                  type: string
                  enum: [chat.completion]
                  x-stainless-const: true
                mode: { type: string, const: server_vad }
                size: { type: string, enum: [1024x1024, 256x256, auto] }
                count: { type: integer, enum: [0, 1] }
            """));

        var type = model.Type<ObjectTypeModel>("ChatCompletion");
        var objectProperty = type.Property("object");
        Assert.Equal(("Object", TypeRef.String, "chat.completion", true), (objectProperty.Name, objectProperty.Type, objectProperty.ConstValue, objectProperty.Required));
        Assert.Equal("server_vad", type.Property("mode").ConstValue);

        var size = model.Type<EnumTypeModel>("ChatCompletionSize");
        Assert.Equal(new[] { "_1024x1024", "_256x256", "Auto" }, size.Members.Select(m => m.Name));
        Assert.Null(type.Property("size").ConstValue);

        // Integer enums are plain integers.
        Assert.Equal(TypeRef.Int64, type.Property("count").Type);
    }

    [Fact]
    public void EnumMemberNamesAreUniqueAndAvoidReservedNames()
    {
        var model = ParseClean(WithSchemas("""
            Odd:
              type: string
              enum: [a-b, a_b, ToString, Odd, "-"]
            """));

        var odd = model.Type<EnumTypeModel>("Odd");
        Assert.Equal(new[] { "AB", "AB2", "ToString2", "Odd2", "Value" }, odd.Members.Select(m => m.Name));
    }
}
