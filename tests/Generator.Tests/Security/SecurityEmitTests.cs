using Microsoft.CodeAnalysis;
using Tether.Generator.Tests.Support;
using Xunit;

namespace Tether.Generator.Tests.Security;

/// <summary>The generated options and client for every scheme kind compile without a warning and say where each secret goes.</summary>
public sealed class SecurityEmitTests
{
    private const string Client = "namespace App; /// <summary>The vault.</summary>\n[Tether.GenerateClient(\"vault.yaml\")] public partial class VaultClient { }";

    private static readonly Lazy<(Compilation Output, IReadOnlyList<Diagnostic> Diagnostics)> Generated = new(() => Generate(SecuritySpecs.Vault));

    [Fact]
    public void TheClientCompilesWithZeroWarnings()
    {
        var sources = Generated.Value.Output.SyntaxTrees.Select(tree => (tree.FilePath, tree.ToString()));
        SourceCompiler.AssertClean(SourceCompiler.Compile(sources, SourceCompiler.Net100References));
    }

    [Theory]
    [InlineData("public string? AzureKey { get; set; }")]
    [InlineData("public string? AzureKeyEnvironmentVariable { get; set; } = \"VAULT_AZURE_KEY\";")]
    [InlineData("AzureKeyProvider { get; set; }")]
    [InlineData("public string? QueryKeyEnvironmentVariable { get; set; } = \"VAULT_QUERY_KEY\";")]
    [InlineData("public string? SessionCookie { get; set; }")]
    [InlineData("public string? AccountSidAuthTokenUserName { get; set; }")]
    [InlineData("public string? AccountSidAuthTokenPassword { get; set; }")]
    [InlineData("public string? AccountSidAuthTokenUserNameEnvironmentVariable { get; set; } = \"VAULT_ACCOUNT_SID_AUTH_TOKEN_USERNAME\";")]
    [InlineData("public string? AccountSidAuthTokenPasswordEnvironmentVariable { get; set; } = \"VAULT_ACCOUNT_SID_AUTH_TOKEN_PASSWORD\";")]
    [InlineData("public string? OauthEnvironmentVariable { get; set; } = \"VAULT_OAUTH\";")]
    [InlineData("OidcProvider { get; set; }")]
    [InlineData("public string? BearerEnvironmentVariable { get; set; } = \"VAULT_BEARER\";")]
    [InlineData("public string? ApiKey2EnvironmentVariable { get; set; } = \"VAULT_API_KEY2\";")]
    [InlineData("TokenProvider2Provider { get; set; }")]
    public void EachSchemeHasItsOptions(string declaration) =>
        Assert.Contains(declaration, Source("ClientOptions"), StringComparison.Ordinal);

    [Theory]
    [InlineData("in the <c>api-key</c> header")]
    [InlineData("as the <c>key</c> query parameter")]
    [InlineData("as the <c>session</c> cookie")]
    [InlineData("as <c>Authorization: Basic …</c>")]
    [InlineData("(an OAuth 2 access token you obtain)")]
    [InlineData("(an OpenID Connect token you obtain)")]
    public void TheDocsSayWhereTheSecretIsSent(string text) =>
        Assert.Contains(text, Source("ClientOptions"), StringComparison.Ordinal);

    [Theory]
    [InlineData("new global::Tether.KeyCredential(\"api-key\", global::Tether.KeyLocation.Header, options.AzureKey, options.AzureKeyEnvironmentVariable, options.AzureKeyProvider, \"VaultClientOptions.AzureKey\")")]
    [InlineData("new global::Tether.KeyCredential(\"key\", global::Tether.KeyLocation.Query,")]
    [InlineData("new global::Tether.KeyCredential(\"session\", global::Tether.KeyLocation.Cookie,")]
    [InlineData("new global::Tether.BasicCredential(options.AccountSidAuthTokenUserName, options.AccountSidAuthTokenPassword,")]
    [InlineData("OauthCredential = new global::Tether.BearerCredential(")]
    [InlineData("AzureKeyAndQueryKeySecurity = new global::Tether.TetherSecurity(false, new global::Tether.TetherCredential[] { AzureKeyCredential, QueryKeyCredential });")]
    [InlineData("AzureKeyOrAccountSidAuthTokenSecurity = new global::Tether.TetherSecurity(false, new global::Tether.TetherCredential[] { AzureKeyCredential }, new global::Tether.TetherCredential[] { AccountSidAuthTokenCredential });")]
    [InlineData("AzureKeyOrAnonymousSecurity = new global::Tether.TetherSecurity(true, new global::Tether.TetherCredential[] { AzureKeyCredential });")]
    public void TheBaseClassBuildsOneCredentialPerScheme_AndOneTablePerCompoundRequirement(string code) =>
        Assert.Contains(code, Source("ClientBase"), StringComparison.Ordinal);

    [Fact]
    public void OperationsHandTheirRequirementToThePipeline()
    {
        var client = Source("Client");
        Assert.Contains("Credential = this.AzureKeyCredential,", client, StringComparison.Ordinal);
        Assert.Contains("Security = this.AzureKeyAndQueryKeySecurity,", client, StringComparison.Ordinal);
        Assert.Contains("Security = this.AzureKeyOrAnonymousSecurity,", client, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSecurityDiagnosticButTheIntendedOnes() =>
        Assert.Equal(
            new[] { "TETHER005", "TETHER009", "TETHER009", "TETHER022" },
            Generated.Value.Diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));

    private static string Source(string suffix) =>
        Generated.Value.Output.SyntaxTrees.Single(tree => tree.FilePath.EndsWith("VaultClient." + suffix + ".g.cs", StringComparison.Ordinal)).ToString();

    internal static (Compilation Output, IReadOnlyList<Diagnostic> Diagnostics) Generate(string spec, string path = "/project/vault.yaml", string client = Client)
    {
        var driver = GeneratorHarness.CreateDriver(new InMemoryAdditionalText(path, spec));
        var (_, output, diagnostics) = GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation(client));
        return (output, diagnostics);
    }
}
