using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.JsonPath;

/// <summary>A query, or why the text is not one Tether reads (<see cref="ErrorOffset"/>: the zero-based character).</summary>
internal sealed record JsonPathParseResult(JsonPathQuery? Query, string? Error, int ErrorOffset);

/// <summary>
/// Reads the part of RFC 9535 JSONPath that overlays use: <c>$</c>; <c>.name</c>, <c>['name']</c>, <c>["name"]</c>;
/// <c>.*</c>, <c>[*]</c>; <c>[0]</c>, <c>[-1]</c>; <c>..name</c>, <c>..*</c>, <c>..[…]</c>; several selectors in
/// one bracket (<c>['a','b']</c>); filters <c>[?…]</c> (also written <c>[?(…)]</c>) of <c>||</c>, <c>&amp;&amp;</c>,
/// <c>!</c>, parentheses, existence tests and comparisons (<c>== != &lt; &lt;= &gt; &gt;=</c>) of singular
/// <c>@</c>/<c>$</c> queries with string, number, <c>true</c>, <c>false</c> and <c>null</c> literals. Names
/// after a dot may contain <c>-</c> (<c>@.x-oai-traits</c>, as the Overlay specification's own example writes
/// them). Slices and function extensions (<c>length()</c>, <c>match()</c>…) are reported as not supported.
/// </summary>
internal sealed class JsonPathParser
{
    /// <summary>Deeper nesting of parentheses and filters is refused: the parser recurses, and no target needs it.</summary>
    private const int MaxNesting = 32;

    private readonly string _text;
    private int _position;
    private int _nesting;

    private JsonPathParser(string text) => _text = text;

    public static JsonPathParseResult Parse(string text)
    {
        var parser = new JsonPathParser(text);
        try
        {
            if (parser.Peek() != '$')
            {
                throw new JsonPathSyntaxException("a query starts with '$'", 0);
            }

            parser._position++;
            var query = new JsonPathQuery(parser.ReadSegments(), isRelative: false);
            parser.SkipBlank();
            if (!parser.AtEnd)
            {
                throw parser.Unexpected();
            }

            return new JsonPathParseResult(query, null, 0);
        }
        catch (JsonPathSyntaxException exception)
        {
            return new JsonPathParseResult(null, exception.Message, exception.Offset);
        }
    }

    private bool AtEnd => _position >= _text.Length;

    private char Peek(int ahead = 0)
    {
        var index = _position + ahead;
        return index >= 0 && index < _text.Length ? _text[index] : '\0';
    }

    private List<JsonPathSegment> ReadSegments()
    {
        var segments = new List<JsonPathSegment>();
        while (true)
        {
            // Blank space may separate segments; when no segment follows, it belongs to whatever comes next (a filter's operator).
            var start = _position;
            SkipBlank();
            if (Peek() == '.' && Peek(1) == '.')
            {
                _position += 2;
                segments.Add(new JsonPathSegment(ReadDescendantSelectors(), isDescendant: true));
            }
            else if (Peek() == '.')
            {
                _position++;
                segments.Add(new JsonPathSegment([ReadDotSelector()], isDescendant: false));
            }
            else if (Peek() == '[')
            {
                segments.Add(new JsonPathSegment(ReadBracketedSelectors(), isDescendant: false));
            }
            else
            {
                _position = start;
                return segments;
            }
        }
    }

    private IReadOnlyList<JsonPathSelector> ReadDescendantSelectors()
    {
        if (Peek() == '[')
        {
            return ReadBracketedSelectors();
        }

        return [ReadDotSelector()];
    }

    private JsonPathSelector ReadDotSelector()
    {
        if (Peek() == '*')
        {
            _position++;
            return WildcardSelector.Instance;
        }

        if (!IsNameStart(Peek()))
        {
            throw AtEnd
                ? new JsonPathSyntaxException("a name or '*' is missing after '.'", _position)
                : new JsonPathSyntaxException("'" + Peek() + "' cannot start a name after '.'; write ['" + Peek() + "…'] for names with other characters", _position);
        }

        var start = _position;
        while (IsNameStart(Peek()) || char.IsDigit(Peek()) || Peek() == '-')
        {
            _position++;
        }

        return new NameSelector(_text.Substring(start, _position - start));
    }

    private IReadOnlyList<JsonPathSelector> ReadBracketedSelectors()
    {
        _position++;
        var selectors = new List<JsonPathSelector>();
        while (true)
        {
            SkipBlank();
            selectors.Add(ReadSelector());
            SkipBlank();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            if (Peek() == ']')
            {
                _position++;
                return selectors;
            }

            throw AtEnd ? new JsonPathSyntaxException("']' is missing", _position) : Unexpected();
        }
    }

    private JsonPathSelector ReadSelector()
    {
        var c = Peek();
        switch (c)
        {
            case '\'' or '"':
                return new NameSelector(ReadString());
            case '*':
                _position++;
                return WildcardSelector.Instance;
            case '?':
                _position++;
                return new FilterSelector(Nested(ReadOr));
            case ':':
                throw new JsonPathSyntaxException("slices ([start:end:step]) are not supported", _position);
        }

        if (c == '-' || char.IsDigit(c))
        {
            var start = _position;
            var index = ReadInteger();
            SkipBlank();
            if (Peek() == ':')
            {
                throw new JsonPathSyntaxException("slices ([start:end:step]) are not supported", start);
            }

            return new IndexSelector(index);
        }

        throw AtEnd ? new JsonPathSyntaxException("a selector is missing", _position) : Unexpected();
    }

    private FilterExpression ReadOr()
    {
        var operands = new List<FilterExpression> { ReadAnd() };
        while (TryRead("||"))
        {
            operands.Add(ReadAnd());
        }

        return operands.Count == 1 ? operands[0] : new OrExpression(operands);
    }

    private FilterExpression ReadAnd()
    {
        var operands = new List<FilterExpression> { ReadBasic() };
        while (TryRead("&&"))
        {
            operands.Add(ReadBasic());
        }

        return operands.Count == 1 ? operands[0] : new AndExpression(operands);
    }

    private FilterExpression ReadBasic()
    {
        SkipBlank();
        if (Peek() == '!' && Peek(1) != '=')
        {
            _position++;
            SkipBlank();
            return new NotExpression(Peek() == '(' ? ReadParenthesized() : new ExistenceTest(ReadFilterQuery()));
        }

        if (Peek() == '(')
        {
            return ReadParenthesized();
        }

        var start = _position;
        var left = ReadOperand(out var leftQuery);
        if (ReadOperator() is not { } op)
        {
            if (leftQuery is null)
            {
                throw new JsonPathSyntaxException("a literal alone is no test; compare it with a query", start);
            }

            return new ExistenceTest(leftQuery);
        }

        RequireSingular(leftQuery, start);
        SkipBlank();
        var rightStart = _position;
        var right = ReadOperand(out var rightQuery);
        RequireSingular(rightQuery, rightStart);
        return new ComparisonExpression(left, op, right);
    }

    private FilterExpression ReadParenthesized()
    {
        _position++;
        var inner = Nested(ReadOr);
        SkipBlank();
        if (Peek() != ')')
        {
            throw AtEnd ? new JsonPathSyntaxException("')' is missing", _position) : Unexpected();
        }

        _position++;
        return inner;
    }

    private ComparisonOperator? ReadOperator()
    {
        var start = _position;
        SkipBlank();
        foreach (var (text, op) in Operators)
        {
            if (string.CompareOrdinal(_text, _position, text, 0, text.Length) == 0)
            {
                _position += text.Length;
                return op;
            }
        }

        if (Peek() == '=')
        {
            throw new JsonPathSyntaxException("'=' is no operator; write '=='", _position);
        }

        _position = start;
        return null;
    }

    private static readonly (string Text, ComparisonOperator Op)[] Operators =
    [
        ("==", ComparisonOperator.Equal), ("!=", ComparisonOperator.NotEqual), ("<=", ComparisonOperator.LessOrEqual),
        (">=", ComparisonOperator.GreaterOrEqual), ("<", ComparisonOperator.Less), (">", ComparisonOperator.Greater),
    ];

    /// <summary>A literal or a query; <paramref name="query"/> is the query when it is one.</summary>
    private FilterOperand ReadOperand(out JsonPathQuery? query)
    {
        query = null;
        var c = Peek();
        if (c is '@' or '$')
        {
            query = ReadFilterQuery();
            return new QueryOperand(query);
        }

        if (c is '\'' or '"')
        {
            return new LiteralOperand(JsonValue.Create(ReadString()));
        }

        if (c == '-' || char.IsDigit(c))
        {
            return new LiteralOperand(JsonValue.Create(ReadNumber()));
        }

        var start = _position;
        while (char.IsLetterOrDigit(Peek()) || Peek() == '_')
        {
            _position++;
        }

        var word = _text.Substring(start, _position - start);
        switch (word)
        {
            case "true":
                return new LiteralOperand(JsonValue.Create(true));
            case "false":
                return new LiteralOperand(JsonValue.Create(false));
            case "null":
                return new LiteralOperand(null);
        }

        if (word.Length > 0 && Peek() == '(')
        {
            throw new JsonPathSyntaxException("function extensions such as " + word + "() are not supported", start);
        }

        _position = start;
        throw AtEnd ? new JsonPathSyntaxException("the filter expression is incomplete", _position) : Unexpected();
    }

    private JsonPathQuery ReadFilterQuery()
    {
        var c = Peek();
        if (c is not ('@' or '$'))
        {
            throw AtEnd ? new JsonPathSyntaxException("a query (@… or $…) is missing", _position) : Unexpected();
        }

        _position++;
        return new JsonPathQuery(Nested(ReadSegments), isRelative: c == '@');
    }

    private static void RequireSingular(JsonPathQuery? query, int offset)
    {
        if (query is { IsSingular: false })
        {
            throw new JsonPathSyntaxException("only a query of names and indexes (one node at most) can be compared", offset);
        }
    }

    private T Nested<T>(Func<T> read)
    {
        if (++_nesting > MaxNesting)
        {
            throw new JsonPathSyntaxException("nested more than " + MaxNesting.ToString(CultureInfo.InvariantCulture) + " deep", _position);
        }

        var result = read();
        _nesting--;
        return result;
    }

    private bool TryRead(string token)
    {
        var start = _position;
        SkipBlank();
        if (string.CompareOrdinal(_text, _position, token, 0, token.Length) == 0)
        {
            _position += token.Length;
            return true;
        }

        _position = start;
        return false;
    }

    private string ReadString()
    {
        var quote = _text[_position];
        var start = _position++;
        var value = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw new JsonPathSyntaxException("the string is not closed with " + quote, start);
            }

            var c = _text[_position++];
            if (c == quote)
            {
                return value.ToString();
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            var escape = Peek();
            _position++;
            switch (escape)
            {
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case '/' or '\\' or '\'' or '"': value.Append(escape); break;
                case 'u' when _position + 4 <= _text.Length
                    && int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    value.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw new JsonPathSyntaxException("'\\" + escape + "' is no escape in a string", _position - 2);
            }
        }
    }

    private long ReadInteger()
    {
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        while (char.IsDigit(Peek()))
        {
            _position++;
        }

        if (!long.TryParse(_text.Substring(start, _position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || value > int.MaxValue || value < int.MinValue)
        {
            throw new JsonPathSyntaxException("'" + _text.Substring(start, Math.Max(1, _position - start)) + "' is no index", start);
        }

        return value;
    }

    private decimal ReadNumber()
    {
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        while (char.IsDigit(Peek()) || Peek() == '.' || Peek() is 'e' or 'E' || (Peek() is '+' or '-' && Peek(-1) is 'e' or 'E'))
        {
            _position++;
        }

        if (!decimal.TryParse(_text.Substring(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new JsonPathSyntaxException("'" + _text.Substring(start, Math.Max(1, _position - start)) + "' is no number Tether reads", start);
        }

        return value;
    }

    private void SkipBlank()
    {
        while (Peek() is ' ' or '\t' or '\n' or '\r')
        {
            _position++;
        }
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_' || c >= '\u0080';

    private JsonPathSyntaxException Unexpected() => new("'" + Peek() + "' is not expected here", _position);
}
