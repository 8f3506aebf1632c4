using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.Yaml;

/// <summary>
/// Block-style YAML → the <see cref="JsonNode"/> tree OpenAPI.NET reads documents from, in one pass over the lines.
/// </summary>
/// <remarks>
/// Why it exists: on a cold compiler, SharpYaml's general parser takes ~0.6 s to turn the 3 MB official spec into
/// JSON nodes, mostly first-call cost of its code — a third of the generator's whole first run. Specs are written in
/// a small part of YAML (indented mappings and sequences, plain, quoted and block scalars, one-line flow
/// collections), and that part is what this reader handles. Anything else — anchors, tags, directives, several
/// documents, flow collections over lines, tabs as indentation, duplicate keys, invalid YAML — makes it return
/// <c>null</c>, and <see cref="SpecReader"/> hands the text to OpenAPI.NET's own YAML reader, errors and all.
/// Scalars become JSON values by OpenAPI.NET's rules (<see cref="YamlScalarValues"/>), so both routes give the same
/// document; the tests compare the two trees for every spec and fuzzed variant they have.
/// </remarks>
internal sealed class BlockYamlReader
{
    private const int CancellationCheckInterval = 4096;

    /// <summary>
    /// Deeper nesting is left to the full reader, which rejects it with a message (its default limit is the same);
    /// the limit also keeps this recursive reader far from the end of the compiler's stack.
    /// </summary>
    internal const int MaxDepth = 64;

    private readonly YamlLines _lines;
    private readonly string _text;
    private readonly CancellationToken _cancellationToken;
    private int _linesSinceCheck;
    private int _depth;

    private BlockYamlReader(string text, CancellationToken cancellationToken)
    {
        _lines = new YamlLines(text);
        _text = text;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The document's root mapping, or <c>null</c> when the text is not block YAML this reader takes.</summary>
    public static JsonObject? TryRead(string text, CancellationToken cancellationToken)
        => TryRead(text, cancellationToken, out _);

    /// <summary>As <see cref="TryRead(string, CancellationToken)"/>; <paramref name="declinedAt"/> is the one-based line it gave up at (0: before reading).</summary>
    public static JsonObject? TryRead(string text, CancellationToken cancellationToken, out int declinedAt)
    {
        declinedAt = 0;
        if (text.IndexOf('\r') >= 0)
        {
            text = text.Replace("\r\n", "\n");
        }

        if (HasCharactersLeftToFullReader(text))
        {
            return null;
        }

        try
        {
            return new BlockYamlReader(text, cancellationToken).ReadDocument();
        }
        catch (UnsupportedYamlException exception)
        {
            declinedAt = exception.Line + 1;
            return null;
        }
    }

    /// <summary>Characters YAML treats specially that this reader does not: other line breaks, control characters.</summary>
    private static bool HasCharactersLeftToFullReader(string text)
    {
        foreach (var character in text)
        {
            if ((character < ' ' && character is not ('\n' or '\t'))
                || character is '\u0085' or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF'
                || (character >= '\u007F' && character <= '\u009F'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Characters a plain scalar cannot start with (or that this reader leaves to the full reader).</summary>
    internal static bool StartsNonPlain(string text, int position, int end)
    {
        var character = text[position];
        if (character is '[' or ']' or '{' or '}' or ',' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`')
        {
            return true;
        }

        // `-`, `?` and `:` start a plain scalar only when something other than a space follows.
        return character is '-' or '?' or ':' && (position + 1 >= end || text[position + 1] is ' ' or '\t');
    }

    private JsonObject ReadDocument()
    {
        var first = _lines.NextContentLine(0);
        if (first >= _lines.Count)
        {
            throw new UnsupportedYamlException(0);
        }

        var start = _lines.Start(first);
        if (_lines.Indent(first) != 0 || !TryReadKey(first, start, out var key, out var afterColon))
        {
            throw new UnsupportedYamlException(first);
        }

        for (var line = 0; line < _lines.Count; line++)
        {
            if (IsDocumentMarker(line))
            {
                throw new UnsupportedYamlException(line);
            }
        }

        var root = ReadMapping(first, key, afterColon, 0, out var next);
        if (_lines.NextContentLine(next) < _lines.Count)
        {
            throw new UnsupportedYamlException(next);
        }

        return root;
    }

    /// <summary>
    /// A block mapping whose first key, already read by the caller, is <paramref name="key"/> on
    /// <paramref name="line"/> (its value starts at <paramref name="afterColon"/>); its keys are at column
    /// <paramref name="indent"/>.
    /// </summary>
    private JsonObject ReadMapping(int line, string key, int afterColon, int indent, out int next)
    {
        Enter(line);
        var mapping = ReadMappingEntries(line, key, afterColon, indent, out next);
        _depth--;
        return mapping;
    }

    private JsonObject ReadMappingEntries(int line, string key, int afterColon, int indent, out int next)
    {
        var mapping = new JsonObject();
        while (true)
        {
            CheckCancellation();
            if (mapping.ContainsKey(key))
            {
                // The full reader reports the duplicate with its position.
                throw new UnsupportedYamlException(line);
            }

            var valueStart = _lines.SkipSpaces(line, afterColon);
            var value = _lines.IsLineEndOrComment(line, valueStart)
                ? ReadNodeBelow(line + 1, indent, sequenceMayShareIndent: true, out next)
                : ReadInlineValue(line, valueStart, indent, out next);
            mapping.Add(key, value);

            next = _lines.NextContentLine(next);
            if (next >= _lines.Count)
            {
                return mapping;
            }

            var nextIndent = _lines.Indent(next);
            if (nextIndent < indent)
            {
                return mapping;
            }

            if (nextIndent > indent || !TryReadKey(next, _lines.Start(next) + nextIndent, out key, out afterColon))
            {
                throw new UnsupportedYamlException(next);
            }

            line = next;
        }
    }

    /// <summary>A block sequence whose dashes are at column <paramref name="indent"/>, starting on <paramref name="line"/>.</summary>
    private JsonArray ReadSequence(int line, int indent, out int next)
    {
        Enter(line);
        var sequence = ReadSequenceItems(line, indent, out next);
        _depth--;
        return sequence;
    }

    private JsonArray ReadSequenceItems(int line, int indent, out int next)
    {
        var sequence = new JsonArray();
        while (true)
        {
            CheckCancellation();
            var itemStart = _lines.SkipSpaces(line, _lines.Start(line) + indent + 1);
            if (_text[itemStart - 1] == '\t')
            {
                throw new UnsupportedYamlException(line);
            }

            JsonNode item;
            if (_lines.IsLineEndOrComment(line, itemStart))
            {
                item = ReadNodeBelow(line + 1, indent, sequenceMayShareIndent: false, out next);
            }
            else if (IsSequenceEntryAt(line, itemStart))
            {
                throw new UnsupportedYamlException(line);
            }
            else if (TryReadKey(line, itemStart, out var key, out var afterColon))
            {
                // `- key: value`: a mapping whose keys line up with this first one.
                item = ReadMapping(line, key, afterColon, itemStart - _lines.Start(line), out next);
            }
            else
            {
                item = ReadInlineValue(line, itemStart, indent, out next);
            }

            sequence.Add(item);
            next = _lines.NextContentLine(next);
            if (next >= _lines.Count)
            {
                return sequence;
            }

            var nextIndent = _lines.Indent(next);
            if (nextIndent < indent || (nextIndent == indent && !IsSequenceEntryAt(next, _lines.Start(next) + indent)))
            {
                return sequence;
            }

            if (nextIndent > indent)
            {
                throw new UnsupportedYamlException(next);
            }

            line = next;
        }
    }

    /// <summary>
    /// The value of a key (or sequence entry) that ends its line: a node on the lines below, indented deeper than
    /// <paramref name="parentIndent"/> — or, for a mapping value, a sequence at the key's own column.
    /// No such node is an empty plain scalar.
    /// </summary>
    private JsonNode ReadNodeBelow(int line, int parentIndent, bool sequenceMayShareIndent, out int next)
    {
        var content = _lines.NextContentLine(line);
        if (content < _lines.Count)
        {
            var indent = _lines.Indent(content);
            var position = _lines.Start(content) + indent;
            var isSequence = IsSequenceEntryAt(content, position);
            if (indent > parentIndent || (sequenceMayShareIndent && indent == parentIndent && isSequence))
            {
                if (isSequence)
                {
                    return ReadSequence(content, indent, out next);
                }

                return TryReadKey(content, position, out var key, out var afterColon)
                    ? ReadMapping(content, key, afterColon, indent, out next)
                    : ReadInlineValue(content, position, parentIndent, out next);
            }
        }

        next = line;
        return YamlScalarValues.Plain(string.Empty);
    }

    /// <summary>A scalar or flow collection starting at <paramref name="position"/>; its node belongs to a parent at <paramref name="parentIndent"/>.</summary>
    private JsonNode ReadInlineValue(int line, int position, int parentIndent, out int next)
    {
        switch (_text[position])
        {
            case '"':
            case '\'':
                var quoted = YamlQuotedScalars.Read(_lines, line, position, parentIndent, allowLineBreaks: true, out var endLine, out var endPosition);
                RequireLineEnd(endLine, endPosition);
                next = endLine + 1;
                return YamlScalarValues.Quoted(quoted);
            case '|':
            case '>':
                return YamlScalarValues.Quoted(YamlBlockScalars.Read(_lines, line, position, parentIndent, out next));
            case '[':
            case '{':
                var flow = YamlFlowCollections.Read(_lines, line, ref position, MaxDepth - _depth);
                RequireLineEnd(line, position);
                next = line + 1;
                return flow;
            default:
                return YamlScalarValues.Plain(ReadPlain(line, position, parentIndent, out next));
        }
    }

    /// <summary>
    /// A plain scalar, over several lines when the following lines are indented deeper than the parent: line
    /// breaks fold to spaces, empty lines to newlines.
    /// </summary>
    private string ReadPlain(int line, int position, int parentIndent, out int next)
    {
        if (StartsNonPlain(_text, position, _lines.End(line)))
        {
            throw new UnsupportedYamlException(line);
        }

        var value = new StringBuilder();
        var endedByComment = AppendPlainLine(line, position, value);
        next = line + 1;
        var emptyLines = 0;
        for (var current = line + 1; !endedByComment && current < _lines.Count; current++)
        {
            if (_lines.IsBlank(current))
            {
                emptyLines++;
                continue;
            }

            var indent = _lines.Indent(current);
            var start = _lines.Start(current) + indent;
            if (indent <= parentIndent || _text[start] == '#')
            {
                break;
            }

            YamlFolding.AppendLineBreak(value, emptyLines);
            emptyLines = 0;
            endedByComment = AppendPlainLine(current, start, value);
            next = current + 1;
        }

        return value.ToString();
    }

    /// <summary>Appends one line's part of a plain scalar; true when a comment ends it.</summary>
    private bool AppendPlainLine(int line, int position, StringBuilder value)
    {
        var end = _lines.End(line);
        var last = position;
        var endedByComment = false;
        var start = position;
        for (; position < end; position++)
        {
            var character = _text[position];
            if (character == ':' && (position + 1 >= end || _text[position + 1] is ' ' or '\t'))
            {
                // `a: b` inside a value is a mapping where none may start (or a key this reader did not expect).
                throw new UnsupportedYamlException(line);
            }

            if (character == '#' && position > start && _text[position - 1] is ' ' or '\t')
            {
                endedByComment = true;
                break;
            }

            if (character is not (' ' or '\t'))
            {
                last = position + 1;
            }
        }

        value.Append(_text, start, last - start);
        return endedByComment;
    }

    /// <summary>
    /// Reads the mapping key starting at <paramref name="position"/>, if one does: plain, or quoted on one line,
    /// then <c>:</c> and a space or the line's end. <paramref name="afterColon"/> is where its value may start.
    /// </summary>
    private bool TryReadKey(int line, int position, out string key, out int afterColon)
    {
        key = string.Empty;
        afterColon = 0;
        var end = _lines.End(line);
        int colon;
        if (_text[position] is '"' or '\'')
        {
            int afterQuote;
            try
            {
                key = YamlQuotedScalars.Read(_lines, line, position, int.MaxValue, allowLineBreaks: false, out _, out afterQuote);
            }
            catch (UnsupportedYamlException)
            {
                // A quoted scalar running over lines is a value, not a key.
                return false;
            }

            colon = _lines.SkipSpaces(line, afterQuote);
        }
        else
        {
            if (StartsNonPlain(_text, position, end))
            {
                return false;
            }

            colon = FindPlainKeyColon(line, position, end);
            var last = colon;
            while (last > position && _text[last - 1] is ' ' or '\t')
            {
                last--;
            }

            key = _text.Substring(position, last - position);
        }

        if (colon >= end || _text[colon] != ':' || (colon + 1 < end && _text[colon + 1] is not (' ' or '\t')))
        {
            return false;
        }

        afterColon = colon + 1;
        return true;
    }

    /// <summary>The colon ending a plain key on this line, or the line's end when there is none.</summary>
    private int FindPlainKeyColon(int line, int position, int end)
    {
        for (var current = position; current < end; current++)
        {
            var character = _text[current];
            if (character == ':' && (current + 1 >= end || _text[current + 1] is ' ' or '\t'))
            {
                return current;
            }

            if (character == '#' && current > position && _text[current - 1] is ' ' or '\t')
            {
                return end;
            }
        }

        return end;
    }

    /// <summary><c>---</c> or <c>...</c> at the start of a line: a document boundary wherever it appears.</summary>
    private bool IsDocumentMarker(int line)
    {
        var start = _lines.Start(line);
        var end = _lines.End(line);
        if (end - start < 3 || (string.CompareOrdinal(_text, start, "---", 0, 3) != 0 && string.CompareOrdinal(_text, start, "...", 0, 3) != 0))
        {
            return false;
        }

        return end - start == 3 || _text[start + 3] is ' ' or '\t';
    }

    private bool IsSequenceEntryAt(int line, int position)
    {
        var end = _lines.End(line);
        // SharpYaml does not take a tab right after the dash.
        return position < end && _text[position] == '-' && (position + 1 >= end || _text[position + 1] == ' ');
    }

    /// <summary>After a quoted scalar or flow collection only white space and a comment may follow on its line.</summary>
    private void RequireLineEnd(int line, int position)
    {
        var rest = _lines.SkipSpaces(line, position);
        if (rest < _lines.End(line) && (_text[rest] != '#' || rest == position))
        {
            throw new UnsupportedYamlException(line);
        }
    }

    private void Enter(int line)
    {
        if (++_depth > MaxDepth)
        {
            throw new UnsupportedYamlException(line);
        }
    }

    private void CheckCancellation()
    {
        if (++_linesSinceCheck >= CancellationCheckInterval)
        {
            _linesSinceCheck = 0;
            _cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
