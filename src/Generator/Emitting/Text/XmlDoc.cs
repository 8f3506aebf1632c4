using System.Collections.Generic;
using System.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Text;

/// <summary>
/// Spec descriptions as XML doc comments. Every public member gets a summary (a fallback when the spec has none) so
/// that consumers with GenerateDocumentationFile see no CS1591, and descriptions are escaped so that markdown such as
/// <c>&lt;|endoftext|&gt;</c> or <c>a &amp; b</c> never produces an XML warning (CS1570).
/// </summary>
internal static class XmlDoc
{
    // Descriptions are wrapped at spaces past this width, so that a one-paragraph spec description does not become a
    // 400-character line; a summary that fits takes one line.
    private const int WrapWidth = 116;

    public static void WriteSummary(SourceWriter writer, string? description, string fallbackXml) =>
        WriteElement(writer, "summary", "summary", description, fallbackXml);

    /// <summary>
    /// Writes <c>&lt;tag attributes&gt;text&lt;/tag&gt;</c>: on one line when the text fits one, else as a block of
    /// lines wrapped at spaces.
    /// </summary>
    /// <param name="openTag">The opening tag without brackets, e.g. <c>param name="fileId"</c>.</param>
    /// <param name="closeTag">The closing tag name, e.g. <c>param</c>.</param>
    /// <param name="text">Plain spec text, escaped here.</param>
    /// <param name="fallbackXml">What to write when the spec has no text.</param>
    /// <param name="suffixXml">XML appended after the text (already escaped), or null.</param>
    public static void WriteElement(SourceWriter writer, string openTag, string closeTag, string? text, string fallbackXml, string? suffixXml = null)
    {
        var lines = new List<string>();
        foreach (var line in SplitLines(text))
        {
            Wrap(line.Length == 0 ? string.Empty : Escape(line), lines);
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

    private static void Wrap(string line, List<string> lines)
    {
        var start = 0;
        while (line.Length - start > WrapWidth)
        {
            var space = line.LastIndexOf(' ', start + WrapWidth, WrapWidth);
            if (space <= start)
            {
                space = line.IndexOf(' ', start + WrapWidth);
                if (space < 0)
                {
                    break;
                }
            }

            lines.Add(line.Substring(start, space - start).TrimEnd());
            start = space + 1;
        }

        lines.Add(line.Substring(start));
    }

    public static void WriteRemarks(SourceWriter writer, string remarksXml)
    {
        writer.WriteLine("/// <remarks>" + remarksXml + "</remarks>");
    }

    /// <summary>Text for use inside XML: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> escaped, characters XML forbids dropped.</summary>
    public static string Escape(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => IsXmlChar(text, i) ? null : string.Empty,
            };

            if (replacement is null)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text, 0, i, text.Length + 16);
            builder.Append(replacement);
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>A spec string shown as code: <c>&lt;c&gt;value&lt;/c&gt;</c>.</summary>
    public static string Code(string text) => "<c>" + Escape(text) + "</c>";

    // Splits on every character C# treats as a line break (a U+2028 inside a /// line would end the comment and
    // turn the rest of the description into code), trims trailing blanks and drops leading/trailing empty lines.
    internal static List<string> SplitLines(string? text)
    {
        var lines = new List<string>();
        if (text is null)
        {
            return lines;
        }

        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                lines.Add(current.ToString().TrimEnd());
                current.Clear();
            }
            else
            {
                current.Append(c == '\t' ? ' ' : c);
            }
        }

        lines.Add(current.ToString().TrimEnd());
        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        return lines;
    }

    private static bool IsXmlChar(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return index > 0 && char.IsHighSurrogate(text[index - 1]);
        }

        return c >= ' ' || c == '\t' || c == '\n' || c == '\r' ? c != '\uFFFE' && c != '\uFFFF' : false;
    }
}
