using System.Globalization;
using System.Text;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.Yaml;

/// <summary>
/// Single- and double-quoted scalars, over several lines if need be: a line break folds to a space, each empty line
/// to a newline, white space around breaks is dropped, and double quotes take YAML's escapes.
/// </summary>
internal static class YamlQuotedScalars
{
    /// <summary>
    /// Reads the scalar whose opening quote is at <paramref name="position"/>. Continuation lines must be indented
    /// deeper than <paramref name="parentIndent"/>. Returns the value; <paramref name="endLine"/> and
    /// <paramref name="endPosition"/> point just after the closing quote.
    /// </summary>
    public static string Read(YamlLines lines, int line, int position, int parentIndent, bool allowLineBreaks, out int endLine, out int endPosition)
    {
        var text = lines.Text;
        var quote = text[position];
        var value = new StringBuilder();
        var keep = 0;
        position++;
        while (true)
        {
            var end = lines.End(line);
            if (position >= end)
            {
                if (!allowLineBreaks)
                {
                    throw new UnsupportedYamlException(line);
                }

                // White space before a line break is not part of the value.
                value.Length = keep;
                line = FoldLineBreak(lines, line, parentIndent, value);
                position = lines.SkipSpaces(line, lines.Start(line));
                keep = value.Length;
                continue;
            }

            var character = text[position];
            if (character == quote)
            {
                if (quote == '\'' && position + 1 < end && text[position + 1] == '\'')
                {
                    value.Append('\'');
                    keep = value.Length;
                    position += 2;
                    continue;
                }

                endLine = line;
                endPosition = position + 1;
                return value.ToString();
            }

            if (character == '\\' && quote == '"')
            {
                if (position + 1 >= end)
                {
                    if (!allowLineBreaks)
                    {
                        throw new UnsupportedYamlException(line);
                    }

                    // An escaped line break joins the lines without a space; the next line's indentation goes.
                    line = NextLine(lines, line, parentIndent);
                    position = lines.SkipSpaces(line, lines.Start(line));
                    keep = value.Length;
                    continue;
                }

                position = Unescape(text, position + 1, end, line, value);
                keep = value.Length;
                continue;
            }

            value.Append(character);
            if (character is not (' ' or '\t'))
            {
                keep = value.Length;
            }

            position++;
        }
    }

    private static int FoldLineBreak(YamlLines lines, int line, int parentIndent, StringBuilder value)
    {
        var emptyLines = 0;
        line = NextLine(lines, line, parentIndent);
        while (lines.IsBlank(line))
        {
            emptyLines++;
            line = NextLine(lines, line, parentIndent);
        }

        YamlFolding.AppendLineBreak(value, emptyLines);
        return line;
    }

    private static int NextLine(YamlLines lines, int line, int parentIndent)
    {
        line++;
        if (line >= lines.Count)
        {
            throw new UnsupportedYamlException(line - 1);
        }

        // A continuation line must stay inside the node; anything else is left to the full YAML reader.
        if (!lines.IsBlank(line) && lines.Indent(line) <= parentIndent)
        {
            throw new UnsupportedYamlException(line);
        }

        return line;
    }

    private static int Unescape(string text, int position, int end, int line, StringBuilder value)
    {
        var escape = text[position];
        switch (escape)
        {
            case '0': value.Append('\0'); break;
            case 'a': value.Append('\a'); break;
            case 'b': value.Append('\b'); break;
            case 't': case '\t': value.Append('\t'); break;
            case 'n': value.Append('\n'); break;
            case 'v': value.Append('\v'); break;
            case 'f': value.Append('\f'); break;
            case 'r': value.Append('\r'); break;
            case 'e': value.Append('\x1b'); break;
            case ' ': value.Append(' '); break;
            case '"': value.Append('"'); break;
            case '/': value.Append('/'); break;
            case '\\': value.Append('\\'); break;
            case 'N': value.Append('\u0085'); break;
            case '_': value.Append('\u00a0'); break;
            case 'L': value.Append('\u2028'); break;
            case 'P': value.Append('\u2029'); break;
            case 'x': return AppendCodePoint(text, position + 1, 2, end, line, value);
            case 'u': return AppendCodePoint(text, position + 1, 4, end, line, value);
            case 'U': return AppendCodePoint(text, position + 1, 8, end, line, value);
            default: throw new UnsupportedYamlException(line);
        }

        return position + 1;
    }

    private static int AppendCodePoint(string text, int position, int digits, int end, int line, StringBuilder value)
    {
        if (position + digits > end
            || !int.TryParse(text.Substring(position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var codePoint)
            || codePoint < 0 || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        {
            throw new UnsupportedYamlException(line);
        }

        value.Append(char.ConvertFromUtf32(codePoint));
        return position + digits;
    }
}
