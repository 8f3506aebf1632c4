using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;

namespace Tether.Generator.Emitting.Client;

/// <summary>
/// What the client's XML docs need beyond <see cref="XmlDoc.WriteElement"/>: parameter tags, and telling whether a
/// spec text has anything to show or repeats another.
/// </summary>
internal static class ClientDocs
{
    /// <summary>A <c>&lt;param&gt;</c> tag; C#'s <c>@</c> keyword escape is not part of the documented name.</summary>
    public static void WriteParam(SourceWriter writer, string parameterName, string? text, string fallbackXml, string? suffixXml = null)
    {
        var name = parameterName.StartsWith("@", System.StringComparison.Ordinal) ? parameterName.Substring(1) : parameterName;
        XmlDoc.WriteElement(writer, "param name=\"" + name + "\"", "param", text, fallbackXml, suffixXml);
    }

    /// <summary>True when the text has something to show once blank lines and trailing spaces are dropped.</summary>
    public static bool HasText(string? text) => XmlDoc.SplitLines(text).Count > 0;

    /// <summary>Compares two spec texts as they would be shown, so that a description repeating the summary is not shown twice.</summary>
    public static bool SameText(string? left, string? right) =>
        string.Join("\n", XmlDoc.SplitLines(left)) == string.Join("\n", XmlDoc.SplitLines(right));
}
