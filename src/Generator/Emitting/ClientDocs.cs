using System.Collections.Generic;
using System.Text;

namespace Tether.Generator.Emitting;

/// <summary>
/// XML doc blocks of the client code whose text comes from the spec and may span several lines (remarks, parameters,
/// returns). Summaries go through <see cref="XmlDoc.WriteSummary"/>, which shares the escaping used here.
/// </summary>
internal static class ClientDocs
{
    /// <summary>Writes <c>&lt;tag attributes&gt;text&lt;/tag&gt;</c>: on one line when the text has one line, else as a block.</summary>
    /// <param name="openTag">The opening tag without brackets, e.g. <c>param name="fileId"</c>.</param>
    /// <param name="closeTag">The closing tag name, e.g. <c>param</c>.</param>
    /// <param name="text">Plain spec text, escaped here.</param>
    /// <param name="suffixXml">XML appended after the text (already escaped), or null.</param>
    public static void WriteElement(SourceWriter writer, string openTag, string closeTag, string? text, string fallbackXml, string? suffixXml = null)
    {
        var lines = new List<string>();
        foreach (var line in XmlDoc.SplitLines(text))
        {
            lines.Add(line.Length == 0 ? string.Empty : XmlDoc.Escape(line));
        }

        if (lines.Count == 0)
        {
            lines.Add(fallbackXml);
        }

        if (suffixXml is not null)
        {
            lines[lines.Count - 1] += lines[lines.Count - 1].Length == 0 ? suffixXml : " " + suffixXml;
        }

        if (lines.Count == 1)
        {
            writer.WriteLine("/// <" + openTag + ">" + lines[0] + "</" + closeTag + ">");
            return;
        }

        writer.WriteLine("/// <" + openTag + ">");
        foreach (var line in lines)
        {
            writer.WriteLine(line.Length == 0 ? "///" : "/// " + line);
        }

        writer.WriteLine("/// </" + closeTag + ">");
    }

    /// <summary>A <c>&lt;param&gt;</c> tag; C#'s <c>@</c> keyword escape is not part of the documented name.</summary>
    public static void WriteParam(SourceWriter writer, string parameterName, string? text, string fallbackXml, string? suffixXml = null)
    {
        var name = parameterName.StartsWith("@", System.StringComparison.Ordinal) ? parameterName.Substring(1) : parameterName;
        WriteElement(writer, "param name=\"" + name + "\"", "param", text, fallbackXml, suffixXml);
    }

    /// <summary>True when the text has something to show once blank lines and trailing spaces are dropped.</summary>
    public static bool HasText(string? text) => XmlDoc.SplitLines(text).Count > 0;

    /// <summary>Compares two spec texts as they would be shown, so that a description repeating the summary is not shown twice.</summary>
    public static bool SameText(string? left, string? right) =>
        string.Join("\n", XmlDoc.SplitLines(left)) == string.Join("\n", XmlDoc.SplitLines(right));
}
