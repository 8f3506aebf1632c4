using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using SharpYaml;
using Tether.Generator.Model;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading;

/// <summary>
/// Finds where JSON pointers and syntax errors are in the spec text, for diagnostics. Nothing is computed until a
/// diagnostic asks, and then all pending pointers are found in one walk that stops as soon as they are.
/// </summary>
internal sealed class SpecLocator
{
    private static readonly Regex SharpYamlPositionPrefix = new(@"^\(Lin: \d+, Col: \d+, Chr: \d+\) - \(Lin: \d+, Col: \d+, Chr: \d+\): ", RegexOptions.CultureInvariant);

    private readonly string _path;
    private readonly SourceText _text;
    private readonly string _content;

    public SpecLocator(string path, SourceText text, string content)
    {
        _path = path;
        _text = text;
        _content = content;
    }

    public bool IsJson
    {
        get
        {
            foreach (var c in _content)
            {
                if (!char.IsWhiteSpace(c) && c != '\uFEFF')
                {
                    return c == '{';
                }
            }

            return false;
        }
    }

    /// <summary>The first character of the file: where file-wide problems are reported.</summary>
    public LocationInfo Start => At(0, 0);

    /// <summary>
    /// The location of each pointer: its mapping key when it names a mapping member, else the node itself. A pointer
    /// that does not exist in the text gets its nearest existing ancestor; one that cannot be read at all, null.
    /// </summary>
    public IReadOnlyDictionary<string, LocationInfo?> Locate(IReadOnlyCollection<string> pointers, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, LocationInfo?>(StringComparer.Ordinal);
        var wanted = new Dictionary<string, (int Start, int End)?>(StringComparer.Ordinal);
        var isJson = IsJson;
        foreach (var pointer in pointers)
        {
            var segments = JsonPointer.Split(pointer);
            if (segments is null)
            {
                result[pointer] = null;
                continue;
            }

            // Block YAML (how specs are written) is searched by indentation: a few lines read, not the whole file.
            if (!isJson && BlockYamlLocator.TryLocate(_content, segments, out var start, out var end))
            {
                result[pointer] = Span(start, end);
                continue;
            }

            // Every ancestor is wanted too, so a pointer into a node the text lacks falls back to its parent.
            var prefix = JsonPointer.Root;
            wanted[prefix] = null;
            foreach (var segment in segments)
            {
                prefix = JsonPointer.Append(prefix, segment);
                wanted[prefix] = null;
            }
        }

        if (wanted.Count == 0)
        {
            return result;
        }

        try
        {
            SpecTextScanner.Walk(_content, new PositionCollector(wanted), cancellationToken);
        }
        catch (YamlException)
        {
            // Positions found before the syntax error still hold; the rest fall back to ancestors or null.
        }

        foreach (var pointer in pointers)
        {
            if (!result.ContainsKey(pointer))
            {
                result[pointer] = Nearest(pointer, wanted);
            }
        }

        return result;
    }

    /// <summary>The first syntax error in the text with its location, or null when the text parses.</summary>
    public (LocationInfo Location, string Message)? FindSyntaxError(CancellationToken cancellationToken)
    {
        if (IsJson)
        {
            // OpenAPI.NET reads JSON with System.Text.Json, so its verdict decides; the YAML walk may be laxer.
            try
            {
                using var document = JsonDocument.Parse(_content, new JsonDocumentOptions { MaxDepth = 256 });
                return null;
            }
            catch (JsonException exception)
            {
                var line = (int)Math.Min(exception.LineNumber ?? 0, _text.Lines.Count - 1);
                var column = (int)(exception.BytePositionInLine ?? 0);
                var message = exception.Message;
                var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
                return (At(line, column), (cut > 0 ? message.Substring(0, cut) : message).TrimEnd('.', ' '));
            }
        }

        try
        {
            SpecTextScanner.Walk(_content, NullVisitor.Instance, cancellationToken);
            return null;
        }
        catch (YamlException exception)
        {
            var position = Math.Max(0, Math.Min(exception.Start.Index, _text.Length));
            var message = SharpYamlPositionPrefix.Replace(exception.Message, string.Empty).TrimEnd('.', ' ');
            var start = _text.Lines.GetLinePosition(position);
            return (At(start.Line, start.Character), message);
        }
    }

    /// <summary>
    /// Where and why a text that failed to read is broken: the first syntax error with its line and column when our
    /// own walk finds one (a reader's message has no usable position), else the file's start and <paramref name="reason"/>.
    /// </summary>
    public (LocationInfo Location, string Reason) DescribeUnreadable(string reason, CancellationToken cancellationToken)
    {
        if (FindSyntaxError(cancellationToken) is { } syntaxError)
        {
            var line = syntaxError.Location.LineSpan.Start.Line + 1;
            var column = syntaxError.Location.LineSpan.Start.Character + 1;
            return (syntaxError.Location, syntaxError.Message + " (line " + line.ToString(CultureInfo.InvariantCulture) + ", column " + column.ToString(CultureInfo.InvariantCulture) + ")");
        }

        return (Start, reason.TrimEnd('.', ' '));
    }

    private LocationInfo? Nearest(string pointer, Dictionary<string, (int Start, int End)?> found)
    {
        var segments = JsonPointer.Split(pointer);
        if (segments is null)
        {
            return null;
        }

        for (var length = segments.Count; length >= 0; length--)
        {
            var prefix = JsonPointer.Root;
            for (var i = 0; i < length; i++)
            {
                prefix = JsonPointer.Append(prefix, segments[i]);
            }

            if (found.TryGetValue(prefix, out var span) && span is { } position)
            {
                return Span(position.Start, position.End);
            }
        }

        return null;
    }

    private LocationInfo Span(int start, int end)
    {
        start = Math.Max(0, Math.Min(start, _text.Length));
        end = Math.Max(start, Math.Min(end, _text.Length));
        var span = TextSpan.FromBounds(start, end);
        return new LocationInfo(_path, span, _text.Lines.GetLinePositionSpan(span));
    }

    private LocationInfo At(int line, int column)
    {
        if (_text.Lines.Count == 0)
        {
            return new LocationInfo(_path, default, default);
        }

        line = Math.Max(0, Math.Min(line, _text.Lines.Count - 1));
        var textLine = _text.Lines[line];
        var position = textLine.Start + Math.Max(0, Math.Min(column, textLine.End - textLine.Start));
        return Span(position, position);
    }

    private sealed class PositionCollector(Dictionary<string, (int Start, int End)?> wanted) : SpecTextScanner.IVisitor
    {
        private int _missing = wanted.Count;

        // Every ancestor of a wanted pointer is wanted too, so nothing below an unwanted node can be.
        public bool Descend(string pointer) => wanted.ContainsKey(pointer);

        public bool OnNode(string pointer, int start, int end, bool isKey)
        {
            // The key is reported before its value and is the better place to point at, so the first report wins.
            if (wanted.TryGetValue(pointer, out var existing) && existing is null)
            {
                wanted[pointer] = (start, end);
                _missing--;
            }

            return _missing > 0;
        }

        public bool OnMemberScalar(string mappingPointer, string key, string value) => true;
    }

    private sealed class NullVisitor : SpecTextScanner.IVisitor
    {
        public static readonly NullVisitor Instance = new();

        public bool Descend(string pointer) => false;

        public bool OnNode(string pointer, int start, int end, bool isKey) => true;

        public bool OnMemberScalar(string mappingPointer, string key, string value) => true;
    }
}
