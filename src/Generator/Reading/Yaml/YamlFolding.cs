using System.Text;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.Yaml;

/// <summary>YAML's line folding inside plain and quoted scalars: one line break reads as a space, each empty line as a newline.</summary>
internal static class YamlFolding
{
    public static void AppendLineBreak(StringBuilder value, int emptyLines)
    {
        if (emptyLines == 0)
        {
            value.Append(' ');
        }
        else
        {
            value.Append('\n', emptyLines);
        }
    }
}
