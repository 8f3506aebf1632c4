namespace Tether.Generator.Model;

/// <summary>How one property of an <c>application/x-www-form-urlencoded</c> body is written (OpenAPI <c>encoding.style</c>).</summary>
internal enum FormFieldStyle
{
    /// <summary>The default: scalars as <c>name=value</c>, arrays repeated or comma-joined, objects as their members.</summary>
    Form,
    /// <summary>Objects and arrays nested in brackets: <c>metadata[key]=v</c>, <c>expand[]=x</c>, <c>items[0][price]=p</c>.</summary>
    DeepObject,
    /// <summary>Arrays joined by spaces (sent as <c>+</c>).</summary>
    SpaceDelimited,
    /// <summary>Arrays joined by <c>|</c>.</summary>
    PipeDelimited,
}

/// <summary>The <c>encoding</c> entry of one form property.</summary>
/// <param name="Property">The property's wire name.</param>
/// <param name="Explode">Whether arrays and objects become one pair per item or member (the OpenAPI default for <c>form</c>).</param>
/// <param name="AsJson">The property's <c>contentType</c> is JSON: its value is sent as JSON text.</param>
internal sealed record FormFieldEncoding(string Property, FormFieldStyle Style, bool Explode, bool AsJson);
