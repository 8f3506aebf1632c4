using System;

namespace Tether;

/// <summary>
/// Early, clear checks for header names and values. Without them a line break in a value (header injection) or a
/// bad name would only fail deep inside the send, as an exception that does not say which header was wrong.
/// </summary>
internal static class HeaderValidation
{
    public static string ValidateName(string name, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, parameterName);
        foreach (char c in name)
        {
            if (!IsTokenChar(c))
            {
                throw new ArgumentException($"'{name}' is not a valid HTTP header name (character '{c}').", parameterName);
            }
        }

        return name;
    }

    public static bool IsValidValue(string value) => value.AsSpan().IndexOfAny('\r', '\n', '\0') < 0;

    public static string ValidateValue(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (!IsValidValue(value))
        {
            // The value itself is not quoted in the message: it may be a credential.
            throw new ArgumentException("An HTTP header value must not contain line breaks or NUL characters.", parameterName);
        }

        return value;
    }

    // RFC 9110 token: visible ASCII except delimiters.
    private static bool IsTokenChar(char c) =>
        c is > ' ' and < '\x7f' && "\"(),/:;<=>?@[\\]{}".IndexOf(c) < 0;
}
