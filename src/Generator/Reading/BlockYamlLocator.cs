using System.Collections.Generic;
using System.Globalization;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading;

/// <summary>
/// Finds a JSON pointer in block-style YAML by indentation alone, without a YAML parser: a key is a line at the
/// children's indentation starting with <c>key:</c>, a sequence item a line starting with <c>- </c>. That is
/// how specs are written, and it is a scan of a few lines instead of a parse of the whole file. Anything it does not
/// recognize (flow style, JSON, anchors, quoted keys with escapes…) makes it give up, and
/// <see cref="SpecLocator"/> falls back to a full YAML walk.
/// </summary>
internal static class BlockYamlLocator
{
    public static bool TryLocate(string text, IReadOnlyList<string> segments, out int start, out int end)
    {
        start = end = 0;
        if (!NextContentLine(text, 0, includeCurrent: true, out var line, out var indent) || text[line] is '{' or '[' or '%' or '&' or '*' or '!'
            || (text[line] == '-' && text.Length > line + 2 && text[line + 1] == '-' && text[line + 2] == '-'))
        {
            return false;
        }

        // `line`/`indent`: the first line of the current node's children, and the column those children start at.
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            if (IsSequenceItem(text, line))
            {
                if (!int.TryParse(segments[i], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    || !FindItem(text, line, indent, index, out var item)
                    || !ItemContent(text, item, indent, out var content, out var contentIndent, out var sameLine))
                {
                    return false;
                }

                // Where a YAML parser puts the item node: its first character, not the dash.
                start = content;
                end = LineEnd(text, content);
                if (!last && !EnterItem(text, content, contentIndent, sameLine, indent, out line, out indent))
                {
                    return false;
                }
            }
            else
            {
                if (!FindKey(text, line, indent, segments[i], out var keyStart, out var keyEnd, out var afterColon))
                {
                    return false;
                }

                start = keyStart;
                end = keyEnd;
                if (!last && !EnterValue(text, keyStart, afterColon, indent, out line, out indent))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool FindItem(string text, int line, int indent, int index, out int item)
    {
        item = 0;
        var count = 0;
        var position = line;
        var column = indent;
        while (true)
        {
            if (column == indent)
            {
                if (!IsSequenceItem(text, position))
                {
                    return false;
                }

                if (count++ == index)
                {
                    item = position;
                    return true;
                }
            }
            else if (column < indent)
            {
                return false;
            }

            if (!NextContentLine(text, position, includeCurrent: false, out position, out var lineIndent))
            {
                return false;
            }

            // A line's column counts from its own start; content found mid-line (after "- ") is never a sibling.
            column = lineIndent;
        }
    }

    private static bool FindKey(string text, int line, int indent, string wanted, out int keyStart, out int keyEnd, out int afterColon)
    {
        keyStart = keyEnd = afterColon = 0;
        var position = line;
        var column = indent;
        while (true)
        {
            if (column == indent)
            {
                if (!ReadKey(text, position, out var key, out var end, out var colon))
                {
                    return false;
                }

                if (key == wanted)
                {
                    keyStart = position;
                    keyEnd = end;
                    afterColon = colon + 1;
                    return true;
                }
            }
            else if (column < indent)
            {
                return false;
            }

            if (!NextContentLine(text, position, includeCurrent: false, out position, out column))
            {
                return false;
            }
        }
    }

    /// <summary>Moves into the value after <c>key:</c>; it must be a block mapping or sequence on the next lines.</summary>
    private static bool EnterValue(string text, int keyStart, int afterColon, int keyIndent, out int line, out int indent)
    {
        line = indent = 0;
        var rest = SkipSpaces(text, afterColon);
        if (rest < text.Length && text[rest] != '\n' && text[rest] != '\r' && text[rest] != '#')
        {
            return false;
        }

        if (!NextContentLine(text, keyStart, includeCurrent: false, out line, out indent))
        {
            return false;
        }

        // A sequence may sit at the key's own indentation ("key:\n- a").
        return indent > keyIndent || (indent == keyIndent && IsSequenceItem(text, line));
    }

    /// <summary>The first character of a sequence item's content: after <c>- </c> on the same line, or on the next lines.</summary>
    private static bool ItemContent(string text, int dash, int dashIndent, out int content, out int column, out bool sameLine)
    {
        content = SkipSpaces(text, dash + 1);
        if (content < text.Length && text[content] != '\n' && text[content] != '\r' && text[content] != '#')
        {
            column = dashIndent + (content - dash);
            sameLine = true;
            return true;
        }

        sameLine = false;
        return NextContentLine(text, dash, includeCurrent: false, out content, out column) && column > dashIndent;
    }

    /// <summary>Moves into a sequence item's content, which must be a block mapping or sequence.</summary>
    private static bool EnterItem(string text, int content, int column, bool sameLine, int dashIndent, out int line, out int indent)
    {
        line = content;
        indent = column;
        return (!sameLine || column > dashIndent) && text[content] is not ('{' or '[' or '&' or '*' or '!' or '|' or '>' or '"' or '\'');
    }

    private static int LineEnd(string text, int position)
    {
        var end = position;
        while (end < text.Length && text[end] is not ('\n' or '\r'))
        {
            end++;
        }

        while (end > position && text[end - 1] == ' ')
        {
            end--;
        }

        return end;
    }

    private static bool ReadKey(string text, int position, out string key, out int end, out int colon)
    {
        key = string.Empty;
        end = colon = position;
        if (position >= text.Length)
        {
            return false;
        }

        var quote = text[position];
        if (quote is '"' or '\'')
        {
            var close = text.IndexOf(quote, position + 1);
            if (close < 0 || text.IndexOf('\n', position, close - position) >= 0)
            {
                return false;
            }

            key = text.Substring(position + 1, close - position - 1);
            if ((quote == '"' && key.IndexOf('\\') >= 0) || (quote == '\'' && close + 1 < text.Length && text[close + 1] == '\''))
            {
                return false;
            }

            end = close + 1;
            colon = SkipSpaces(text, end);
            return colon < text.Length && text[colon] == ':';
        }

        if (quote is '-' or '?' or '{' or '[' or '&' or '*' or '!' or '|' or '>' or '#')
        {
            return false;
        }

        for (var i = position; i < text.Length && text[i] != '\n'; i++)
        {
            if (text[i] == ':' && (i + 1 == text.Length || text[i + 1] is ' ' or '\n' or '\r'))
            {
                end = i;
                while (end > position && text[end - 1] == ' ')
                {
                    end--;
                }

                key = text.Substring(position, end - position);
                colon = i;
                return true;
            }
        }

        return false;
    }

    private static bool IsSequenceItem(string text, int position)
        => position < text.Length && text[position] == '-'
            && (position + 1 == text.Length || text[position + 1] is ' ' or '\n' or '\r');

    private static int SkipSpaces(string text, int position)
    {
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }

        return position;
    }

    /// <summary>
    /// The first character and column of the next line that has content (not blank, not a comment), starting
    /// with the line holding <paramref name="position"/> when <paramref name="includeCurrent"/> is set.
    /// </summary>
    private static bool NextContentLine(string text, int position, bool includeCurrent, out int content, out int column)
    {
        var lineStart = position;
        if (!includeCurrent)
        {
            var newline = text.IndexOf('\n', position);
            if (newline < 0)
            {
                content = column = 0;
                return false;
            }

            lineStart = newline + 1;
        }

        while (lineStart < text.Length)
        {
            var first = SkipSpaces(text, lineStart);
            if (first < text.Length && text[first] is not ('\n' or '\r' or '#'))
            {
                if (text[first] == '\t')
                {
                    // Tabs are not YAML indentation; whatever this is, the full parser should judge it.
                    break;
                }

                content = first;
                column = first - lineStart;
                return true;
            }

            var newline = text.IndexOf('\n', first);
            if (newline < 0)
            {
                break;
            }

            lineStart = newline + 1;
        }

        content = column = 0;
        return false;
    }
}
