using System.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Text;

/// <summary>The UTF-8 form of spec strings, as the generated code compares them against JSON bytes.</summary>
internal static class Utf8Text
{
    private static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static byte[] GetBytes(string value) => Encoding.GetBytes(value);

    /// <summary>The string as it reads back after a UTF-8 round trip (lone surrogates become U+FFFD).</summary>
    public static string Sanitize(string value)
    {
        foreach (var c in value)
        {
            if (char.IsSurrogate(c))
            {
                return Encoding.GetString(Encoding.GetBytes(value));
            }
        }

        return value;
    }
}
