using System.Text;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.Yaml;

/// <summary>
/// Literal (<c>|</c>) and folded (<c>&gt;</c>) block scalars with their chomping indicator (<c>-</c>, <c>+</c>, or
/// none), following the folding rules of LibYAML (which SharpYaml ports), so the text comes out identical.
/// Explicit indentation indicators are left to the full reader.
/// </summary>
internal static class YamlBlockScalars
{
    private enum Chomping
    {
        Clip,
        Strip,
        Keep,
    }

    /// <summary>
    /// Reads the block scalar whose indicator is at <paramref name="position"/> on <paramref name="line"/>; its
    /// content lines must be indented deeper than <paramref name="parentIndent"/>. <paramref name="nextLine"/> is
    /// the first line after the scalar.
    /// </summary>
    public static string Read(YamlLines lines, int line, int position, int parentIndent, out int nextLine)
    {
        var text = lines.Text;
        var folded = text[position] == '>';
        var chomping = Chomping.Clip;
        position++;
        if (position < lines.End(line) && text[position] is '-' or '+')
        {
            chomping = text[position] == '-' ? Chomping.Strip : Chomping.Keep;
            position++;
        }

        // Only white space and a comment may follow; an explicit indentation indicator is left to the full reader.
        var afterIndicators = position;
        position = lines.SkipSpaces(line, position);
        if (position < lines.End(line) && (text[position] != '#' || position == afterIndicators))
        {
            throw new UnsupportedYamlException(line);
        }

        // The content's indentation is the first non-blank line's; a longer blank line before it is left alone.
        var first = line + 1;
        var widestBlank = 0;
        while (first < lines.Count && lines.IsBlank(first))
        {
            if (HasTab(lines, first))
            {
                throw new UnsupportedYamlException(first);
            }

            widestBlank = System.Math.Max(widestBlank, lines.End(first) - lines.Start(first));
            first++;
        }

        if (first >= lines.Count)
        {
            throw new UnsupportedYamlException(line);
        }

        var indent = lines.Indent(first);
        if (indent <= parentIndent)
        {
            // No content: only the blank lines, which "keep" turns into line breaks.
            nextLine = first;
            return chomping == Chomping.Keep ? new string('\n', first - line - 1) : string.Empty;
        }

        if (widestBlank > indent)
        {
            throw new UnsupportedYamlException(line);
        }

        var value = new StringBuilder();
        var breaks = new StringBuilder();
        breaks.Append('\n', first - line - 1);
        var lineBreak = string.Empty;
        var current = first;
        while (true)
        {
            value.Append(breaks);
            breaks.Clear();
            var contentStart = lines.Start(current) + indent;
            var contentEnd = lines.End(current);
            var leadingNonSpace = contentStart < contentEnd && text[contentStart] is not (' ' or '\t');
            if (contentStart < contentEnd)
            {
                value.Append(text, contentStart, contentEnd - contentStart);
            }

            lineBreak = lines.HasBreak(current) ? "\n" : string.Empty;
            current++;

            // Blank lines (no wider than the indentation) are line breaks only.
            while (current < lines.Count && IsBreakOnly(lines, current, indent))
            {
                breaks.Append('\n');
                current++;
            }

            if (current >= lines.Count || !IsContentLine(lines, current, indent))
            {
                break;
            }

            var nextStart = lines.Start(current) + indent;
            var nextLeadingNonSpace = nextStart < lines.End(current) && text[nextStart] is not (' ' or '\t');
            if (folded && lineBreak.Length > 0 && leadingNonSpace && nextLeadingNonSpace)
            {
                if (breaks.Length == 0)
                {
                    value.Append(' ');
                }
            }
            else
            {
                value.Append(lineBreak);
            }
        }

        if (current >= lines.Count && lines.EndsWithoutBreak)
        {
            // SharpYaml ends such a scalar with a NUL character; the full reader keeps that behaviour to itself.
            throw new UnsupportedYamlException(current - 1);
        }

        if (chomping != Chomping.Strip)
        {
            value.Append(lineBreak);
        }

        if (chomping == Chomping.Keep)
        {
            value.Append(breaks);
        }

        nextLine = current;
        return value.ToString();
    }

    private static bool HasTab(YamlLines lines, int line)
        => lines.Text.IndexOf('\t', lines.Start(line), lines.End(line) - lines.Start(line)) >= 0;

    /// <summary>A line of at most <paramref name="indent"/> spaces: only a line break inside the scalar.</summary>
    private static bool IsBreakOnly(YamlLines lines, int line, int indent)
    {
        var length = lines.End(line) - lines.Start(line);
        if (length > indent)
        {
            return false;
        }

        for (var position = lines.Start(line); position < lines.End(line); position++)
        {
            switch (lines.Text[position])
            {
                case ' ':
                    continue;
                case '\t':
                    // A tab where indentation is expected: the full reader decides what it means.
                    throw new UnsupportedYamlException(line);
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>A line indented at least <paramref name="indent"/> spaces: part of the scalar's text.</summary>
    private static bool IsContentLine(YamlLines lines, int line, int indent)
    {
        var start = lines.Start(line);
        for (var position = start; position < start + indent; position++)
        {
            if (position >= lines.End(line))
            {
                return false;
            }

            var character = lines.Text[position];
            if (character == '\t')
            {
                throw new UnsupportedYamlException(line);
            }

            if (character != ' ')
            {
                return false;
            }
        }

        return true;
    }
}
