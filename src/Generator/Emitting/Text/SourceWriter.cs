using System.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Text;

/// <summary>
/// Builds C# text line by line with four-space indentation, as the System.Text.Json generator's writer does.
/// Lines end with <c>\n</c> on every platform so that the output (and the snapshot files) are byte-identical everywhere.
/// </summary>
internal sealed class SourceWriter
{
    public const int SpacesPerLevel = 4;

    private readonly StringBuilder _builder;
    private int _indentation;

    public SourceWriter(int capacity = 16 * 1024) => _builder = new StringBuilder(capacity);

    public int Length => _builder.Length;

    /// <summary>
    /// Writes one line at the current indentation; an empty string writes an empty line without trailing spaces. A line
    /// too long to read is broken (<see cref="LongLineBreaker"/>), its continuations one level deeper.
    /// </summary>
    public void WriteLine(string line)
    {
        if (line.Length == 0)
        {
            _builder.Append('\n');
            return;
        }

        var indentWidth = _indentation * SpacesPerLevel;
        if (indentWidth + line.Length <= LongLineBreaker.Limit)
        {
            _builder.Append(' ', indentWidth).Append(line).Append('\n');
            return;
        }

        var pieces = LongLineBreaker.Break(line, indentWidth);
        for (var i = 0; i < pieces.Count; i++)
        {
            _builder.Append(' ', indentWidth + (i == 0 ? 0 : SpacesPerLevel)).Append(pieces[i]).Append('\n');
        }
    }

    public void WriteLine() => _builder.Append('\n');

    /// <summary>Writes <c>{</c> and indents what follows.</summary>
    public void OpenBlock()
    {
        WriteLine("{");
        _indentation++;
    }

    /// <summary>Dedents and writes <c>}</c> followed by <paramref name="suffix"/> (e.g. <c>;</c>).</summary>
    public void CloseBlock(string suffix = "")
    {
        _indentation--;
        WriteLine("}" + suffix);
    }

    public void Indent() => _indentation++;

    public void Dedent() => _indentation--;

    public override string ToString() => _builder.ToString();
}
