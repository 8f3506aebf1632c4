using Tether.Generator.Tests.Support;
using Xunit;

namespace Tether.Generator.Tests.Security;

/// <summary>
/// Vendors' own specs (read from ../shared/vendor-specs, never copied here): their schemes become credentials, not
/// "no authentication" warnings.
/// </summary>
public sealed class VendorSecurityTests
{
    [SkippableTheory]
    [InlineData("twilio-api-v2010.yaml", "TwilioClient", "public string? AccountSidAuthTokenUserName { get; set; }", "\"TWILIO_ACCOUNT_SID_AUTH_TOKEN_PASSWORD\"")]
    [InlineData("box.json", "BoxClient", "public string? OAuth2Security { get; set; }", "OAuth2SecurityProvider { get; set; }")]
    public void EverySchemeBecomesAnOption_AndNoSecurityWarningRemains(string file, string clientName, string option, string companion)
    {
        var path = ReferenceData.VendorSpec(file);
        var stub = "namespace App; [Tether.GenerateClient(\"" + file + "\")] public partial class " + clientName + " { }";

        var (output, diagnostics) = SecurityEmitTests.Generate(File.ReadAllText(path), "/project/" + file, stub);

        Assert.DoesNotContain(diagnostics, d => d.Id == "TETHER005" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("Security", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Id is "TETHER022" or "TETHER023");
        var options = output.SyntaxTrees.Single(tree => tree.FilePath.EndsWith(clientName + ".ClientOptions.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains(option, options, StringComparison.Ordinal);
        Assert.Contains(companion, options, StringComparison.Ordinal);
    }
}
