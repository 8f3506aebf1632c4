using System.Text.Json.Nodes;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.Yaml;

/// <summary>
/// Flow collections written on one line (<c>[a, "b"]</c>, <c>{}</c>, <c>{type: string}</c>), as specs use them for
/// enums, required lists and empty objects. A flow collection over several lines, or a plain scalar holding
/// <c>:</c>, is left to the full reader.
/// </summary>
internal static class YamlFlowCollections
{
    /// <summary>Reads the collection at <paramref name="position"/>; nesting deeper than <paramref name="depthLeft"/> is declined.</summary>
    public static JsonNode Read(YamlLines lines, int line, ref int position, int depthLeft)
    {
        var end = lines.End(line);
        return lines.Text[position] == '['
            ? ReadSequence(lines, line, ref position, end, depthLeft)
            : ReadMapping(lines, line, ref position, end, depthLeft);
    }

    private static JsonArray ReadSequence(YamlLines lines, int line, ref int position, int end, int depthLeft)
    {
        Enter(line, ref depthLeft);
        var array = new JsonArray();
        position++;
        while (true)
        {
            position = SkipSpaces(lines, line, position, end);
            if (lines.Text[position] == ']')
            {
                position++;
                return array;
            }

            array.Add(ReadNode(lines, line, ref position, end, depthLeft));
            position = AfterEntry(lines, line, position, end, ']');
        }
    }

    private static JsonObject ReadMapping(YamlLines lines, int line, ref int position, int end, int depthLeft)
    {
        Enter(line, ref depthLeft);
        var mapping = new JsonObject();
        position++;
        while (true)
        {
            position = SkipSpaces(lines, line, position, end);
            if (lines.Text[position] == '}')
            {
                position++;
                return mapping;
            }

            var quotedKey = lines.Text[position] is '"' or '\'';
            var key = quotedKey ? ReadQuoted(lines, line, ref position) : ReadPlain(lines, line, ref position, end, isKey: true);
            position = SkipSpaces(lines, line, position, end);
            if (lines.Text[position] != ':'
                || (!quotedKey && position + 1 < end && lines.Text[position + 1] is not (' ' or '\t')))
            {
                throw new UnsupportedYamlException(line);
            }

            position = SkipSpaces(lines, line, position + 1, end);
            if (lines.Text[position] is ',' or '}' || mapping.ContainsKey(key))
            {
                throw new UnsupportedYamlException(line);
            }

            mapping.Add(key, ReadNode(lines, line, ref position, end, depthLeft));
            position = AfterEntry(lines, line, position, end, '}');
        }
    }

    private static JsonNode ReadNode(YamlLines lines, int line, ref int position, int end, int depthLeft)
    {
        return lines.Text[position] switch
        {
            '[' => ReadSequence(lines, line, ref position, end, depthLeft),
            '{' => ReadMapping(lines, line, ref position, end, depthLeft),
            '"' or '\'' => YamlScalarValues.Quoted(ReadQuoted(lines, line, ref position)),
            _ => YamlScalarValues.Plain(ReadPlain(lines, line, ref position, end, isKey: false)),
        };
    }

    private static string ReadQuoted(YamlLines lines, int line, ref int position)
    {
        var value = YamlQuotedScalars.Read(lines, line, position, int.MaxValue, allowLineBreaks: false, out _, out var after);
        position = after;
        return value;
    }

    /// <summary>A plain scalar inside a flow collection; a key ends at its colon, a value may hold none.</summary>
    private static string ReadPlain(YamlLines lines, int line, ref int position, int end, bool isKey)
    {
        var text = lines.Text;
        if (BlockYamlReader.StartsNonPlain(text, position, end))
        {
            throw new UnsupportedYamlException(line);
        }

        var start = position;
        var last = position;
        while (position < end)
        {
            var character = text[position];
            if (character is ',' or '[' or ']' or '{' or '}')
            {
                break;
            }

            if (character == ':' && isKey && position + 1 < end && text[position + 1] is ' ' or '\t')
            {
                break;
            }

            if (!IsPlainInFlow(character))
            {
                throw new UnsupportedYamlException(line);
            }

            position++;
            if (character is not (' ' or '\t'))
            {
                last = position;
            }
        }

        return text.Substring(start, last - start);
    }

    /// <summary>
    /// Characters a plain scalar in a flow collection may hold here: SharpYaml rejects some punctuation inside them
    /// (<c>?</c>, <c>:</c> without a space), so only words, numbers and a few safe separators are taken.
    /// </summary>
    private static bool IsPlainInFlow(char character)
        => character >= 0x80 || char.IsLetterOrDigit(character) || character is ' ' or '\t' or '-' or '_' or '.' or '/' or '+' or '$' or '=' or '(' or ')' or '<' or '>' or '^' or '~' or ';';

    private static void Enter(int line, ref int depthLeft)
    {
        if (--depthLeft < 0)
        {
            throw new UnsupportedYamlException(line);
        }
    }

    /// <summary>After an entry: a comma (skipped) or the collection's closing bracket (left for the caller).</summary>
    private static int AfterEntry(YamlLines lines, int line, int position, int end, char closer)
    {
        position = SkipSpaces(lines, line, position, end);
        var character = lines.Text[position];
        if (character == ',')
        {
            return position + 1;
        }

        return character == closer ? position : throw new UnsupportedYamlException(line);
    }

    /// <summary>Skips white space; the collection must go on on this line.</summary>
    private static int SkipSpaces(YamlLines lines, int line, int position, int end)
    {
        position = lines.SkipSpaces(line, position);
        if (position >= end)
        {
            throw new UnsupportedYamlException(line);
        }

        return position;
    }
}
