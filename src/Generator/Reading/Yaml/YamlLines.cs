using System.Collections.Generic;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.Yaml;

/// <summary>The text split into lines once, with the few questions the block reader asks of a line.</summary>
internal sealed class YamlLines
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    public YamlLines(string text)
    {
        Text = text;
        var starts = new List<int>(text.Length / 32);
        var ends = new List<int>(text.Length / 32);
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                starts.Add(start);
                ends.Add(text.Length);
                EndsWithoutBreak = true;
                break;
            }

            starts.Add(start);
            ends.Add(end);
            start = end + 1;
        }

        _starts = starts.ToArray();
        _ends = ends.ToArray();
    }

    public string Text { get; }

    public int Count => _starts.Length;

    /// <summary>The last line has no line break after it (the file does not end with a newline).</summary>
    public bool EndsWithoutBreak { get; }

    public int Start(int line) => _starts[line];

    public int End(int line) => _ends[line];

    public bool HasBreak(int line) => line < Count - 1 || !EndsWithoutBreak;

    /// <summary>Leading spaces. A tab among them is not YAML indentation this reader handles.</summary>
    public int Indent(int line)
    {
        var start = _starts[line];
        var end = _ends[line];
        var position = start;
        while (position < end && Text[position] == ' ')
        {
            position++;
        }

        if (position < end && Text[position] == '\t')
        {
            throw new UnsupportedYamlException(line);
        }

        return position - start;
    }

    /// <summary>Only spaces, or nothing. A line of white space with a tab in it is left to the full reader.</summary>
    public bool IsBlank(int line)
    {
        var hasTab = false;
        for (var position = _starts[line]; position < _ends[line]; position++)
        {
            switch (Text[position])
            {
                case ' ':
                    break;
                case '\t':
                    hasTab = true;
                    break;
                default:
                    return false;
            }
        }

        return hasTab ? throw new UnsupportedYamlException(line) : true;
    }

    /// <summary>The first line from <paramref name="line"/> on that holds a node: not blank, not a comment.</summary>
    public int NextContentLine(int line)
    {
        for (; line < Count; line++)
        {
            if (IsBlank(line))
            {
                continue;
            }

            var indent = Indent(line);
            if (Text[_starts[line] + indent] != '#')
            {
                return line;
            }
        }

        return Count;
    }

    /// <summary>Skips spaces and tabs from <paramref name="position"/> within the line.</summary>
    public int SkipSpaces(int line, int position)
    {
        var end = _ends[line];
        while (position < end && Text[position] is ' ' or '\t')
        {
            position++;
        }

        return position;
    }

    /// <summary>At the end of the line, or at a comment (which YAML only starts after white space).</summary>
    public bool IsLineEndOrComment(int line, int position)
        => position >= _ends[line]
           || (Text[position] == '#' && (position == _starts[line] || Text[position - 1] is ' ' or '\t'));
}
