using System;
using System.Collections.Generic;
using System.Globalization;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading;

/// <summary>
/// JSON pointers in URI-fragment form (<c>#/components/schemas/Foo</c>) as OpenAPI.NET reports them. They name
/// places in the spec for diagnostics and for <see cref="Model.TypeModel.SchemaPath"/>.
/// </summary>
internal static class JsonPointer
{
    public const string Root = "#";

    public static string Append(string pointer, string segment) => pointer + "/" + Escape(segment);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(CultureInfo.InvariantCulture);

    public static string Escape(string segment)
    {
        if (segment.IndexOf('~') < 0 && segment.IndexOf('/') < 0)
        {
            return segment;
        }

        return segment.Replace("~", "~0").Replace("/", "~1");
    }

    /// <summary>The unescaped segments, or null when the text is not a local pointer.</summary>
    public static IReadOnlyList<string>? Split(string? pointer)
    {
        if (pointer is null)
        {
            return null;
        }

        var text = pointer;
        if (text.StartsWith("#", StringComparison.Ordinal))
        {
            text = text.Substring(1);
            if (text.IndexOf('%') >= 0)
            {
                text = Uri.UnescapeDataString(text);
            }
        }

        if (text.Length == 0)
        {
            return Array.Empty<string>();
        }

        if (text[0] != '/')
        {
            return null;
        }

        var parts = text.Substring(1).Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i].Replace("~1", "/").Replace("~0", "~");
        }

        return parts;
    }
}
