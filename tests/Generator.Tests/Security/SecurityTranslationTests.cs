using Tether.Generator.Model;
using Xunit;
using static Tether.Generator.Tests.Support.ParsingHarness;

namespace Tether.Generator.Tests.Security;

/// <summary>Every security scheme becomes a model entry of its kind; every operation gets its requirement as written.</summary>
public sealed class SecurityTranslationTests
{
    private static readonly ParsedSpec Parsed = Parse(SecuritySpecs.Vault);

    private static ApiModel Model => Parsed.Model!;

    [Fact]
    public void EachSchemeHasItsKindParameterAndProperty()
    {
        Assert.Equal(
            new (string, string, SecuritySchemeKind, string?)[]
            {
                ("ApiKey", "ApiKey", SecuritySchemeKind.ApiKeyQuery, "api_key"),
                ("AzureKey", "AzureKey", SecuritySchemeKind.ApiKeyHeader, "api-key"),
                ("BearerAuth", "Bearer", SecuritySchemeKind.Bearer, null),
                ("Oauth", "Oauth", SecuritySchemeKind.OAuth2, null),
                ("Oidc", "Oidc", SecuritySchemeKind.OpenIdConnect, null),
                ("QueryKey", "QueryKey", SecuritySchemeKind.ApiKeyQuery, "key"),
                ("SessionCookie", "SessionCookie", SecuritySchemeKind.ApiKeyCookie, "session"),
                ("Token", "Token", SecuritySchemeKind.Bearer, null),
                ("TokenProvider", "TokenProvider2", SecuritySchemeKind.ApiKeyHeader, "x-token-provider"),
                ("accountSid_authToken", "AccountSidAuthToken", SecuritySchemeKind.Basic, null),
                ("api_key", "ApiKey2", SecuritySchemeKind.ApiKeyHeader, "x-api-key"),
            },
            Model.SecuritySchemes.Select(s => (s.Name, s.PropertyName, s.Kind, s.ParameterName)));
        Assert.Equal("Personal access token.", Model.SecuritySchemes.Single(s => s.Name == "BearerAuth").Description);
    }

    [Fact]
    public void ClashingPropertyNames_AreReportedAndRenamed()
    {
        Assert.Contains(Parsed.Diagnostics, d => d.DescriptorId == "TETHER009" && d.MessageArgs.Contains("ApiKey2"));
        Assert.Contains(Parsed.Diagnostics, d => d.DescriptorId == "TETHER009" && d.MessageArgs.Contains("TokenProvider2"));
    }

    [Theory]
    [InlineData("inherits", "BearerAuth")]
    [InlineData("header", "AzureKey")]
    [InlineData("query", "QueryKey")]
    [InlineData("cookie", "SessionCookie")]
    [InlineData("basic", "accountSid_authToken")]
    [InlineData("oauth", "Oauth")]
    [InlineData("oidc", "Oidc")]
    public void ASingleSchemeRequirement(string operationId, string scheme) =>
        Assert.Equal(scheme, Model.Operation(operationId).SecurityScheme);

    [Fact]
    public void AndIsOneAlternativeOfSeveralSchemes_OrIsSeveralAlternatives()
    {
        Assert.Equal(new[] { new[] { "AzureKey", "QueryKey" } }, Alternatives("both"));
        Assert.Equal(new[] { new[] { "AzureKey" }, new[] { "accountSid_authToken" } }, Alternatives("either"));
        Assert.False(Model.Operation("either").Security!.AllowsAnonymous);
    }

    [Fact]
    public void AnEmptyAlternative_AllowsTheCallWithoutCredentials()
    {
        var optional = Model.Operation("optional").Security!;
        Assert.True(optional.AllowsAnonymous);
        Assert.Equal(new[] { new[] { "AzureKey" } }, Alternatives("optional"));
        Assert.Null(optional.SingleScheme);
    }

    [Fact]
    public void AnEmptyList_MeansNoCredentials_NotTheDocumentDefault() =>
        Assert.Null(Model.Operation("none").Security);

    [Fact]
    public void AnUnsupportedHttpScheme_IsALocatedWarning_AndItsOperationsSendNothing()
    {
        var warning = Assert.Single(Parsed.Diagnostics, d => d.DescriptorId == "TETHER005");
        Assert.Contains("digest", warning.MessageArgs[0], StringComparison.Ordinal);
        Assert.NotNull(warning.Location);
        Assert.Null(Model.Operation("digest").Security);
        Assert.DoesNotContain(Model.SecuritySchemes, s => s.Name == "DigestAuth");
    }

    [Fact]
    public void AnUndefinedScheme_IsALocatedWarning_AndTheOtherAlternativesStay()
    {
        var warning = Assert.Single(Parsed.Diagnostics, d => d.DescriptorId == "TETHER022");
        Assert.Contains("Missing", warning.MessageArgs, StringComparer.Ordinal);
        Assert.NotNull(warning.Location);
        Assert.Equal("AzureKey", Model.Operation("undefined").SecurityScheme);
    }

    [Theory]
    [InlineData("{ type: apiKey, in: header }", "a 'name'")]
    [InlineData("{ type: apiKey, name: k, in: path }", "'in'")]
    [InlineData("{ type: apiKey, name: \"bad header\", in: header }", "a 'name'")]
    public void AnApiKeySchemeThatCannotBeSent_IsALocatedWarning(string scheme, string reason)
    {
        var parsed = Parse($$"""
            openapi: 3.1.0
            info: { title: T, version: "1" }
            components:
              securitySchemes:
                Broken: {{scheme}}
            paths:
              /x:
                get: { operationId: x, security: [ { Broken: [] } ], responses: { "204": { description: ok } } }
            """);
        var warning = Assert.Single(parsed.Diagnostics, d => d.DescriptorId == "TETHER023");
        Assert.Contains(reason, warning.MessageArgs[2], StringComparison.Ordinal);
        Assert.NotNull(warning.Location);
        Assert.Empty(parsed.Model!.SecuritySchemes);
        Assert.Null(parsed.Model.Operation("x").Security);
    }

    [Fact]
    public void TheModelIsEquatable_SoAnUnchangedSpecCachesItsModel() =>
        Assert.Equal(Model, Parse(SecuritySpecs.Vault).Model);

    private static string[][] Alternatives(string operationId) =>
        Model.Operation(operationId).Security!.Alternatives.Select(alternative => alternative.Schemes.ToArray()).ToArray();
}
