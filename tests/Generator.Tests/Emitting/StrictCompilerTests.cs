using Microsoft.CodeAnalysis;
using Tether.Generator.Tests.Support;
using Xunit;

namespace Tether.Generator.Tests.Emitting;

/// <summary>
/// The "compiles without warnings" checks are only as good as the compiler settings behind them: these controls show
/// that a missing XML doc, a bad XML doc, a nullable warning and a late warning wave are all reported.
/// </summary>
public sealed class StrictCompilerTests
{
    [Theory]
    [InlineData("public class Undocumented { }", "CS1591")]
    [InlineData("/// <summary>a < b</summary>\npublic class BadXml { }", "CS1570")]
    [InlineData("/// <summary>x</summary>\npublic class Nulls { /// <summary>x</summary>\npublic string Value = null; }", "CS8625")]
    [InlineData("/// <summary>x</summary>\npublic class lowercase { }", "CS8981")]
    public void ProblemsAreReported(string source, string expectedId)
    {
        var compilation = SourceCompiler.Compile([("Probe.cs", source)], SourceCompiler.Net100References);

        Assert.Contains(SourceCompiler.Problems(compilation), d => d.Id == expectedId && d.Severity >= DiagnosticSeverity.Warning);
    }
}
