using Tether.Generator.Model;
using Xunit;
using static Tether.Generator.Tests.Support.ParsingHarness;

namespace Tether.Generator.Tests.Translating;

/// <summary>Every way the specs say "may be null" becomes a nullable use of the underlying type, never a union.</summary>
public sealed class NullabilityTests
{
    private const string Targets = """
        Thing:
          type: object
          properties:
            x: { type: string }
        Other:
          type: object
          properties:
            y: { type: string }
        """;

    [Fact]
    public void OpenApi31FormsAreNullableTypes()
    {
        var model = ParseClean(WithSchemas(Targets + """

            Holder:
              type: object
              properties:
                plain: { type: string }
                anyOfNull:
                  anyOf:
                    - type: string
                    - type: "null"
                refOrNull:
                  anyOf:
                    - $ref: "#/components/schemas/Thing"
                    - type: "null"
                typeList: { type: [integer, "null"] }
                legacyKeyword: { type: boolean, nullable: true }
                refWithSibling:
                  $ref: "#/components/schemas/Thing"
                  nullable: true
                nestedUnion:
                  anyOf:
                    - oneOf:
                        - $ref: "#/components/schemas/Thing"
                        - $ref: "#/components/schemas/Other"
                    - type: "null"
                allOfWithNullPart:
                  allOf:
                    - $ref: "#/components/schemas/Thing"
                    - nullable: true
            """));

        var holder = model.Type<ObjectTypeModel>("Holder");
        Assert.False(holder.Property("plain").Nullable);
        AssertNullable(holder.Property("anyOfNull"), TypeRef.String);
        AssertNullable(holder.Property("refOrNull"), TypeRef.Named("Thing", NamedTypeKind.Object));
        AssertNullable(holder.Property("typeList"), TypeRef.Int64);
        AssertNullable(holder.Property("legacyKeyword"), TypeRef.Boolean);
        AssertNullable(holder.Property("refWithSibling"), TypeRef.Named("Thing", NamedTypeKind.Object));
        AssertNullable(holder.Property("allOfWithNullPart"), TypeRef.Named("Thing", NamedTypeKind.Object));

        var nested = holder.Property("nestedUnion");
        Assert.True(nested.Nullable);
        var union = model.Type<UnionTypeModel>(nested.Type.Name!);
        Assert.Equal(new[] { "Thing", "Other" }, union.Variants.Select(v => v.Name));

        // The only union is the real choice between Thing and Other.
        Assert.Single(model.Types.OfType<UnionTypeModel>());
    }

    [Fact]
    public void OpenApi30NullableKeywordCountsEvenWhereTheReaderDropsIt()
    {
        // OpenAPI.NET keeps `nullable: true` only next to a `type`; these forms are read from the text.
        var model = ParseClean(WithSchemas(Targets + """

            Holder:
              type: object
              properties:
                typed: { type: string, nullable: true }
                besideRef:
                  $ref: "#/components/schemas/Thing"
                  nullable: true
                besideAllOf:
                  allOf:
                    - $ref: "#/components/schemas/Thing"
                  nullable: true
                besideOneOf:
                  nullable: true
                  oneOf:
                    - type: string
                    - type: integer
                allOfPart:
                  allOf:
                    - $ref: "#/components/schemas/Other"
                    - nullable: true
                notNullable: { type: string }
            """, version: "3.0.3"));

        var holder = model.Type<ObjectTypeModel>("Holder");
        AssertNullable(holder.Property("typed"), TypeRef.String);
        AssertNullable(holder.Property("besideRef"), TypeRef.Named("Thing", NamedTypeKind.Object));
        AssertNullable(holder.Property("besideAllOf"), TypeRef.Named("Thing", NamedTypeKind.Object));
        AssertNullable(holder.Property("allOfPart"), TypeRef.Named("Other", NamedTypeKind.Object));
        Assert.True(holder.Property("besideOneOf").Nullable);
        Assert.Equal(NamedTypeKind.Union, holder.Property("besideOneOf").Type.NamedKind);
        Assert.False(holder.Property("notNullable").Nullable);
    }

    [Fact]
    public void NullableComponentsMakeTheirUsesNullable()
    {
        var model = ParseClean(WithSchemas(Targets + """

            Metadata:
              anyOf:
                - type: object
                  additionalProperties: { type: string }
                - type: "null"
            MaybeThing:
              anyOf:
                - $ref: "#/components/schemas/Thing"
                - type: "null"
            Holder:
              type: object
              required: [metadata]
              properties:
                metadata: { $ref: "#/components/schemas/Metadata" }
                thing: { $ref: "#/components/schemas/MaybeThing" }
                items:
                  type: array
                  items:
                    anyOf:
                      - type: string
                      - type: "null"
            """));

        var holder = model.Type<ObjectTypeModel>("Holder");
        var metadata = holder.Property("metadata");
        Assert.True(metadata.Required);
        AssertNullable(metadata, TypeRef.MapOf(TypeRef.String));
        AssertNullable(holder.Property("thing"), TypeRef.Named("Thing", NamedTypeKind.Object));
        Assert.Equal(TypeRef.ArrayOf(TypeRef.String, elementNullable: true), holder.Property("items").Type);

        // Wrappers are aliases, not types.
        Assert.False(model.HasType("Metadata"));
        Assert.False(model.HasType("MaybeThing"));
    }

    private static void AssertNullable(PropertyModel property, TypeRef expected)
    {
        Assert.True(property.Nullable, property.JsonName + " should be nullable");
        Assert.Equal(expected, property.Type);
    }
}
