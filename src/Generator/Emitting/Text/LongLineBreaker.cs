using System.Collections.Generic;

namespace Tether.Generator.Emitting.Text;

/// <summary>
/// Breaks a generated line longer than <see cref="Limit"/> into pieces of about <see cref="Width"/> characters, so that
/// no one reading the output under F12 meets a 400-character line (very long schema names in attributes, generic
/// arguments and union scoring conditions make them). Only lines that long are touched, which keeps the output
/// compact. A break goes after <c>", "</c> or <c>"; "</c> inside brackets, or before an operator (<c>&amp;&amp;</c>,
/// <c>||</c>, <c>=&gt;</c>, <c>??</c>, a conditional's <c>?</c>/<c>:</c>), never inside a literal or a comment; inside
/// generic arguments only when nothing else is left.
/// </summary>
internal static class LongLineBreaker
{
    public const int Limit = 400;
    public const int Width = 160;

    /// <summary>The pieces of <paramref name="line"/>: itself when it is short enough or cannot be broken safely.</summary>
    public static IReadOnlyList<string> Break(string line, int indentWidth)
    {
        if (indentWidth + line.Length <= Limit || !MayBreak(line))
        {
            return new[] { line };
        }

        var (plain, generic) = Candidates(line);
        var pieces = new List<string>();
        var start = 0;
        var available = Width - indentWidth;
        while (line.Length - start > available)
        {
            var cut = LastBefore(plain, start, start + available) ?? LastBefore(generic, start, start + available)
                ?? FirstAfter(plain, start) ?? FirstAfter(generic, start);
            if (cut is not { } at)
            {
                break;
            }

            pieces.Add(line.Substring(start, at - start).TrimEnd());
            start = at;
            while (start < line.Length && line[start] == ' ')
            {
                start++;
            }

            // Continuation lines sit one level deeper (SourceWriter writes them so).
            available = Width - indentWidth - SourceWriter.SpacesPerLevel;
        }

        if (pieces.Count == 0)
        {
            return new[] { line };
        }

        pieces.Add(line.Substring(start));
        return pieces;
    }

    // Verbatim, raw and interpolated strings and preprocessor lines are left whole rather than scanned.
    private static bool MayBreak(string line) =>
        line.TrimStart() is var code
        && !code.StartsWith("//", System.StringComparison.Ordinal)
        && !code.StartsWith("#", System.StringComparison.Ordinal)
        && line.IndexOf("@\"", System.StringComparison.Ordinal) < 0
        && line.IndexOf("$\"", System.StringComparison.Ordinal) < 0
        && line.IndexOf("\"\"\"", System.StringComparison.Ordinal) < 0
        && line.IndexOf('\n') < 0;

    /// <summary>Where a break may go: outside generic arguments, and (the fallback) inside them.</summary>
    private static (List<int> Plain, List<int> Generic) Candidates(string line)
    {
        var plain = new List<int>();
        var generic = new List<int>();
        var parentheses = 0;
        var angles = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case '"':
                    i = EndOfLiteral(line, i, '"');
                    continue;
                case '\'':
                    i = EndOfLiteral(line, i, '\'');
                    continue;
                case '/' when i + 1 < line.Length && (line[i + 1] == '/' || line[i + 1] == '*'):
                    return (plain, generic);
                case '(' or '[' or '{':
                    parentheses++;
                    continue;
                case ')' or ']' or '}':
                    parentheses--;
                    continue;
                case '<' when i > 0 && IsIdentifierPart(line[i - 1]):
                    angles++;
                    continue;
                case '>' when angles > 0 && line[i - 1] != ' ' && line[i - 1] != '=' && line[i - 1] != '-':
                    angles--;
                    continue;
                case ',' when i + 1 < line.Length && line[i + 1] == ' ' && parentheses > 0:
                    (angles == 0 ? plain : generic).Add(i + 2);
                    continue;
                case ';' when i + 1 < line.Length && line[i + 1] == ' ' && parentheses > 0:
                    plain.Add(i + 2);
                    continue;
                case ' ' when angles == 0 && BreaksBefore(line, i):
                    plain.Add(i + 1);
                    continue;
            }
        }

        return (plain, generic);
    }

    // Before a binary operator, an expression body, a null-coalescing assignment or a conditional's `?`/`:` (with
    // spaces around them these are never a nullable type or a label).
    private static bool BreaksBefore(string line, int index) =>
        At(line, index, " && ") || At(line, index, " || ") || At(line, index, " => ") || At(line, index, " ?? ") || At(line, index, " ??= ")
        || At(line, index, " ? ") || At(line, index, " : ");

    private static int EndOfLiteral(string line, int open, char quote)
    {
        for (var i = open + 1; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == quote)
            {
                return i;
            }
        }

        return line.Length;
    }

    private static bool At(string line, int index, string text) => string.CompareOrdinal(line, index, text, 0, text.Length) == 0;

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static int? LastBefore(List<int> positions, int start, int end)
    {
        int? found = null;
        foreach (var position in positions)
        {
            if (position > start && position <= end)
            {
                found = position;
            }
        }

        return found;
    }

    private static int? FirstAfter(List<int> positions, int start)
    {
        foreach (var position in positions)
        {
            if (position > start)
            {
                return position;
            }
        }

        return null;
    }
}
