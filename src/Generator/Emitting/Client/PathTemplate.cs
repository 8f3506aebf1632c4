using System.Collections.Generic;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;

namespace Tether.Generator.Emitting.Client;

/// <summary>An OpenAPI path template (<c>/files/{file_id}/content</c>) split into literal text and placeholders.</summary>
internal static class PathTemplate
{
    /// <summary>One piece of the path: literal text, or the name of a placeholder.</summary>
    public readonly struct Part
    {
        public Part(string text, bool isPlaceholder)
        {
            Text = text;
            IsPlaceholder = isPlaceholder;
        }

        public string Text { get; }

        public bool IsPlaceholder { get; }
    }

    public static List<Part> Split(string template)
    {
        var parts = new List<Part>();
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                parts.Add(new Part(template.Substring(position), false));
                break;
            }

            if (open > position)
            {
                parts.Add(new Part(template.Substring(position, open - position), false));
            }

            parts.Add(new Part(template.Substring(open + 1, close - open - 1), true));
            position = close + 1;
        }

        return parts;
    }

    public static IEnumerable<string> Placeholders(string template)
    {
        foreach (var part in Split(template))
        {
            if (part.IsPlaceholder)
            {
                yield return part.Text;
            }
        }
    }
}
