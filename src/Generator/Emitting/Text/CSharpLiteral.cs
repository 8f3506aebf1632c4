using System.Globalization;
using System.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Text;

/// <summary>Spec strings (JSON names, enum values) as C# literals that compile whatever characters they hold.</summary>
internal static class CSharpLiteral
{
    /// <summary>A regular string literal: <c>"…"</c>.</summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        AppendEscaped(builder, value);
        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>
    /// A UTF-8 literal: <c>"…"u8</c>. Lone surrogates cannot be encoded as UTF-8 (CS9026); they are replaced by U+FFFD,
    /// which is also what a reader decoding valid UTF-8 JSON could ever produce for them.
    /// </summary>
    public static string Utf8(string value) => String(Utf8Text.Sanitize(value)) + "u8";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void AppendEscaped(StringBuilder builder, string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    // Control characters and the Unicode line terminators would break the literal (CS1010); a lone
                    // surrogate is kept as an escape, while a well-formed pair is copied as is (the file is UTF-8).
                    if (c < ' ' || c == '\u0085' || c == '\u2028' || c == '\u2029' || IsLoneSurrogate(value, i))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }
    }

    private static bool IsLoneSurrogate(string value, int index)
    {
        var c = value[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= value.Length || !char.IsLowSurrogate(value[index + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return index == 0 || !char.IsHighSurrogate(value[index - 1]);
        }

        return false;
    }
}
