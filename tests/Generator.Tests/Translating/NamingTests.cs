using Tether.Generator.Model;
using Tether.Generator.Reading;
using Tether.Generator.Translating;
using Xunit;
using static Tether.Generator.Tests.Support.ParsingHarness;

namespace Tether.Generator.Tests.Translating;

/// <summary>The naming rules documented at the top of IdentifierRules.cs.</summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("self-harm/intent", "SelfHarmIntent")]
    [InlineData("api_key.created", "ApiKeyCreated")]
    [InlineData("Beta_AgentTagParam", "BetaAgentTagParam")]
    [InlineData("Error-2", "Error2")]
    [InlineData("object", "Object")]
    [InlineData("Server VAD", "ServerVAD")]
    [InlineData("gpt-4.1-2025-04-14", "Gpt4_1_2025_04_14")]
    [InlineData("gpt-4o", "Gpt4o")]
    [InlineData("1024x1024", "_1024x1024")]
    [InlineData("1000_tokens", "_1000Tokens")]
    [InlineData("organization.admin_api_key", "OrganizationAdminApiKey")]
    [InlineData("project_ids[]", "ProjectIds")]
    [InlineData("---", "")]
    public void PascalCase(string text, string expected) => Assert.Equal(expected, IdentifierRules.PascalCase(text));

    [Theory]
    [InlineData("project_ids[]", "projectIds")]
    [InlineData("openai-beta", "openaiBeta")]
    [InlineData("event", "@event")]
    [InlineData("namespace", "@namespace")]
    [InlineData("await", "@await")]
    [InlineData("24h", "_24h")]
    public void ParameterName(string text, string expected) => Assert.Equal(expected, IdentifierRules.ParameterName(text));

    [Theory]
    [InlineData("ApiKeyAuth", "ApiKey")]
    [InlineData("AdminApiKeyAuth", "AdminApiKey")]
    [InlineData("Auth", "Auth")]
    [InlineData("bearer", "Bearer")]
    public void SecurityPropertyName(string text, string expected) => Assert.Equal(expected, IdentifierRules.SecurityPropertyName(text));

    [Fact]
    public void SchemaAndPropertyNamesBecomeValidUniqueIdentifiers()
    {
        var parsed = Parse(WithSchemas("""
            Error:
              type: object
              properties:
                message: { type: string }
            Error-2:
              type: object
              title: Error
              properties:
                code: { type: string }
            Beta_AgentTagParam:
              type: object
              properties:
                tag: { type: string }
            Embedding:
              type: object
              properties:
                embedding:
                  type: array
                  items: { type: number, format: float }
                object: { type: string, enum: [embedding] }
            AuditLog:
              type: object
              properties:
                api_key.created: { type: object, properties: { id: { type: string } } }
                self-harm/intent: { type: boolean }
                a-b: { type: string }
                a_b: { type: string }
                additional_properties: { type: string }
            """));

        var model = parsed.Model!;
        Assert.True(model.HasType("Error"));
        Assert.True(model.HasType("Error2"));
        Assert.True(model.HasType("BetaAgentTagParam"));

        // CS0542: a member may not be named like its class.
        Assert.Equal(new[] { "EmbeddingValue", "Object" }, model.Type<ObjectTypeModel>("Embedding").Properties.Select(p => p.Name));

        var audit = model.Type<ObjectTypeModel>("AuditLog");
        Assert.Equal(
            new[] { "ApiKeyCreated", "SelfHarmIntent", "AB", "AB2", "AdditionalProperties2" },
            audit.Properties.Select(p => p.Name));
        Assert.Equal(TypeRef.Named("AuditLogApiKeyCreated", NamedTypeKind.Object), audit.Property("api_key.created").Type);

        // Suffixes taken because of a collision are reported (as information only).
        var renames = parsed.Diagnostics.Where(d => d.DescriptorId == "TETHER009").Select(d => d.MessageArgs[2]).ToList();
        Assert.Contains("AuditLog.AB2", renames);
        Assert.Contains("AuditLog.AdditionalProperties2", renames);
        Assert.All(parsed.Diagnostics, d => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, Severity(d)));
    }

    [Fact]
    public void InlineTypesAreNamedAfterTheirOwnerAndCollisionsGetASuffix()
    {
        var parsed = Parse(WithSchemas("""
            Holder:
              type: object
              properties:
                choice: { type: string, enum: [a, b] }
                entries:
                  type: array
                  items:
                    type: object
                    properties:
                      x: { type: string }
            HolderChoice:
              type: object
              properties:
                y: { type: string }
            """));

        var model = parsed.Model!;
        var holder = model.Type<ObjectTypeModel>("Holder");

        // Component names are reserved first, so the inline enum gives way.
        Assert.Equal(TypeRef.Named("HolderChoice2", NamedTypeKind.Enum), holder.Property("choice").Type);
        Assert.IsType<ObjectTypeModel>(model.Types.Single(t => t.Name == "HolderChoice"));
        Assert.Equal(TypeRef.ArrayOf(TypeRef.Named("HolderEntriesItem", NamedTypeKind.Object)), holder.Property("entries").Type);

        var rename = Assert.Single(parsed.Diagnostics, d => d.DescriptorId == "TETHER009");
        Assert.Equal(new[] { "HolderChoice", "#/components/schemas/Holder/properties/choice", "HolderChoice2" }, rename.MessageArgs);
        Assert.NotNull(rename.Location);
    }
}
