using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;

namespace Tether.Generator.Emitting.Client;

/// <summary>
/// XML doc blocks of the client code whose text comes from the spec and may span several lines (remarks, parameters,
/// returns). Summaries go through <see cref="XmlDoc.WriteSummary"/>, which shares the escaping used here.
/// </summary>
internal static class ClientDocs
{
    /// <inheritdoc cref="XmlDoc.WriteElement"/>
    public static void WriteElement(SourceWriter writer, string openTag, string closeTag, string? text, string fallbackXml, string? suffixXml = null) =>
        XmlDoc.WriteElement(writer, openTag, closeTag, text, fallbackXml, suffixXml);

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
