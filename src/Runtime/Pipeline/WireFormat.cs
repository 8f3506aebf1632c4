using System;
using System.Collections.Generic;
using System.Globalization;

namespace Tether;

/// <summary>
/// The text form of parameter values in query strings, headers and multipart fields: culture-independent, booleans
/// lowercase, numbers round-trippable. A machine whose culture writes <c>1,5</c> still sends <c>1.5</c>.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class WireFormat
{
    /// <summary>Formats a boolean as <c>true</c> or <c>false</c> (lowercase, as JSON and OpenAPI expect).</summary>
    /// <param name="value">The value.</param>
    /// <returns><c>true</c> or <c>false</c>.</returns>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>Formats an integer in invariant culture.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Its decimal digits.</returns>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats an integer in invariant culture.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Its decimal digits.</returns>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a number in invariant culture, shortest round-trippable form.</summary>
    /// <param name="value">The value.</param>
    /// <returns>E.g. <c>0.1</c>, <c>1E+20</c>.</returns>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats a number in invariant culture, shortest round-trippable form.</summary>
    /// <param name="value">The value.</param>
    /// <returns>E.g. <c>0.1</c>.</returns>
    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats a decimal in invariant culture.</summary>
    /// <param name="value">The value.</param>
    /// <returns>E.g. <c>0.10</c>.</returns>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Joins values with commas: the OpenAPI <c>simple</c> style of an array header parameter
    /// (e.g. <c>openai-beta: a,b</c>).
    /// </summary>
    /// <param name="values">The values, already formatted.</param>
    /// <returns>The comma-separated list.</returns>
    public static string FormatSimpleList(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return string.Join(',', values);
    }
}
