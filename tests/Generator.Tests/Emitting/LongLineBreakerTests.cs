using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tether.Generator.Emitting.Text;
using Xunit;

namespace Tether.Generator.Tests.Emitting;

/// <summary>A line over 400 characters is broken where C# allows it, into the same tokens.</summary>
public sealed class LongLineBreakerTests
{
    [Fact]
    public void AScoringConditionBreaksBeforeItsOperatorsIntoTheSameTokens()
    {
        var condition = string.Join(" && ", Enumerable.Range(0, 30).Select(i => "(const" + i + " is -2 or 0 or 1 or 2)"));
        var line = "if (" + condition + ") VariantScore.Consider(ref best, ref bestScore, 1, (const0 >= 0 ? 100000000L : 0L));";
        Assert.True(line.Length > LongLineBreaker.Limit);

        var pieces = LongLineBreaker.Break(line, 8);

        Assert.True(pieces.Count > 2);
        // Every break is before an operator of the condition or after an argument's comma.
        string[] operators = ["&&", "?", ":"];
        Assert.All(Enumerable.Range(1, pieces.Count - 1), i => Assert.True(
            operators.Any(op => pieces[i].StartsWith(op, StringComparison.Ordinal)) || pieces[i - 1].EndsWith(','), pieces[i - 1] + " | " + pieces[i]));
        Assert.StartsWith("&&", pieces[1], StringComparison.Ordinal);
        Assert.All(pieces, piece => Assert.True(piece.Length <= LongLineBreaker.Width, piece));
        AssertSameTokens(line, pieces);
    }

    [Fact]
    public void LiteralsAndCommentsAreNeverCut()
    {
        var literal = "\"" + string.Concat(Enumerable.Repeat("a, b && c || ", 40)) + "\"";
        var line = "Call(first, " + literal + ", 'x', ',', last); // trailing, comment, that, must, stay, whole, " + new string('z', 200);

        var pieces = LongLineBreaker.Break(line, 0);

        Assert.Contains(pieces, piece => piece.Contains(literal, StringComparison.Ordinal));
        Assert.Contains(pieces, piece => piece.EndsWith(new string('z', 200), StringComparison.Ordinal) && piece.Contains("// trailing, comment", StringComparison.Ordinal));
        AssertSameTokens(line, pieces);
    }

    [Fact]
    public void GenericArgumentsBreakOnlyWhenNothingElseCan()
    {
        var longName = "Global.Models." + new string('N', 190);
        var line = "[JsonConverter(typeof(JsonCodecConverter<" + longName + ", " + longName + "Converter>))]";

        var pieces = LongLineBreaker.Break(line, 0);

        Assert.Equal(2, pieces.Count);
        Assert.EndsWith("<" + longName + ",", pieces[0], StringComparison.Ordinal);
        AssertSameTokens(line, pieces);
    }

    [Fact]
    public void ShortLinesAndVerbatimStringsStayWhole()
    {
        Assert.Equal(new[] { "var a = Call(b, c);" }, LongLineBreaker.Break("var a = Call(b, c);", 8));
        var verbatim = "var s = Call(a, @\"" + new string('x', 450) + "\", b);";
        Assert.Equal(new[] { verbatim }, LongLineBreaker.Break(verbatim, 0));
    }

    private static void AssertSameTokens(string line, IReadOnlyList<string> pieces)
    {
        static string[] Tokens(string text) =>
            SyntaxFactory.ParseTokens(text).Select(token => token.Text + "|" + token.TrailingTrivia.Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia)).Select(t => t.ToString()).FirstOrDefault()).ToArray();
        Assert.Equal(Tokens(line), Tokens(string.Join("\n    ", pieces)));
    }
}
