using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Tether.Generator.Diagnostics;
using Tether.Generator.Model;
using Tether.Generator.Reading;
using JsonPointer = Tether.Generator.Reading.JsonPointer;

namespace Tether.Generator.Translating;

/// <summary>
/// An <c>application/x-www-form-urlencoded</c> body → a typed <see cref="BodyKind.FormUrlEncoded"/> body with the
/// media type's <c>encoding</c> entries, or null (after a TETHER025 warning) when the form cannot be encoded from
/// typed values: a schema that is not an object, or a binary property, which a URL-encoded form has no way to carry.
/// </summary>
internal sealed class FormBodyTranslator(SchemaTranslator translator, AllOfMerger properties)
{
    public RequestBodyModel? Body(IOpenApiRequestBody requestBody, KeyValuePair<string, IOpenApiMediaType> form, string pointer, string operationName)
    {
        var contentPointer = JsonPointer.Append(JsonPointer.Append(pointer, "content"), form.Key);
        var schemaPointer = contentPointer + "/schema";
        if (form.Value?.Schema is not { } schema)
        {
            translator.Diagnostics.Add(DiagnosticDescriptors.FormBodyNotTyped, contentPointer, contentPointer, "it has no schema");
            return null;
        }

        var site = new SchemaSite(schemaPointer, operationName + "Request", false, null);
        var definition = properties.Collect(schema, site, operationName + "Request");
        if (definition.Properties.Count == 0)
        {
            translator.Diagnostics.Add(DiagnosticDescriptors.FormBodyNotTyped, schemaPointer, schemaPointer, "its schema is not an object with properties");
            return null;
        }

        foreach (var property in definition.Properties)
        {
            if (IsBinary(property.Schema))
            {
                translator.Diagnostics.Add(
                    DiagnosticDescriptors.FormBodyNotTyped, property.Site.Pointer, schemaPointer,
                    "the property '" + property.JsonName + "' is binary, which a URL-encoded form cannot carry (multipart/form-data can)");
                return null;
            }
        }

        var type = translator.Resolve(schema, site).Type;
        if (type.Kind != TypeRefKind.Named || type.NamedKind != NamedTypeKind.Object)
        {
            translator.Diagnostics.Add(DiagnosticDescriptors.FormBodyNotTyped, schemaPointer, schemaPointer, "its schema is not an object");
            return null;
        }

        var names = new HashSet<string>(definition.Properties.Select(p => p.JsonName), System.StringComparer.Ordinal);
        return new RequestBodyModel(BodyKind.FormUrlEncoded, OperationTranslator.MediaTypeOf(form.Key), type, requestBody.Required, requestBody.Description)
        {
            FormEncodings = Encodings(form.Value, names, contentPointer),
        };
    }

    private EquatableArray<FormFieldEncoding> Encodings(IOpenApiMediaType mediaType, HashSet<string> names, string contentPointer)
    {
        if (mediaType.Encoding is not { Count: > 0 } encodings)
        {
            return EquatableArray<FormFieldEncoding>.Empty;
        }

        var result = new List<FormFieldEncoding>();
        foreach (var entry in encodings.OrderBy(e => e.Key, System.StringComparer.Ordinal))
        {
            var pointer = JsonPointer.Append(JsonPointer.Append(contentPointer, "encoding"), entry.Key);
            if (entry.Value is not { } encoding)
            {
                continue;
            }

            if (!names.Contains(entry.Key))
            {
                translator.Diagnostics.Add(DiagnosticDescriptors.FormEncodingUnsupported, pointer, entry.Key, pointer, "the schema has no such property", "nowhere (the entry is ignored)");
                continue;
            }

            var style = Style(encoding.Style, entry.Key, pointer, out var styleSupported);
            var asJson = false;
            if (encoding.ContentType is { Length: > 0 } contentType)
            {
                asJson = contentType.Split(',').Any(c => OperationTranslator.IsJson(c));
                if (!asJson && !contentType.Split(',').Any(c => OperationTranslator.MediaTypeOf(c) == "text/plain"))
                {
                    translator.Diagnostics.Add(
                        DiagnosticDescriptors.FormEncodingUnsupported, pointer + "/contentType", entry.Key, pointer,
                        "contentType '" + contentType + "' (only JSON and text are written into a URL-encoded form)", "as text");
                }
            }

            // OpenAPI: explode defaults to true for style form (also when no style is given), false for the others; an
            // unsupported style falls back to form with form's default.
            var explode = styleSupported ? ExplicitExplode(encoding) ?? style == FormFieldStyle.Form : true;
            result.Add(new FormFieldEncoding(entry.Key, style, explode, asJson));
        }

        return result.ToEquatableArray();
    }

    /// <summary>
    /// <c>explode</c> as written, or null when absent. The reader's <see cref="OpenApiEncoding.Explode"/> cannot say: it
    /// reports an absent value as false when no style is given, though the default style (form) explodes; the value
    /// written is only kept in a private field.
    /// </summary>
    private static bool? ExplicitExplode(OpenApiEncoding encoding) =>
        ExplodeField is not null ? (bool?)ExplodeField.GetValue(encoding) : encoding.Explode;

    private static readonly System.Reflection.FieldInfo? ExplodeField =
        typeof(OpenApiEncoding).GetField("_explode", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public) is { FieldType: var type } field
        && type == typeof(bool?) ? field : null;

    private FormFieldStyle Style(Microsoft.OpenApi.ParameterStyle? style, string property, string pointer, out bool supported)
    {
        supported = true;
        switch (style)
        {
            case null or Microsoft.OpenApi.ParameterStyle.Form:
                return FormFieldStyle.Form;
            case Microsoft.OpenApi.ParameterStyle.DeepObject:
                return FormFieldStyle.DeepObject;
            case Microsoft.OpenApi.ParameterStyle.SpaceDelimited:
                return FormFieldStyle.SpaceDelimited;
            case Microsoft.OpenApi.ParameterStyle.PipeDelimited:
                return FormFieldStyle.PipeDelimited;
            default:
                supported = false;
                translator.Diagnostics.Add(
                    DiagnosticDescriptors.FormEncodingUnsupported, pointer + "/style", property, pointer,
                    "style '" + style.ToString()!.ToLowerInvariant() + "' is not a form body style", "in style form");
                return FormFieldStyle.Form;
        }
    }

    private static bool IsBinary(IOpenApiSchema schema) =>
        schema.Format == "binary" || schema.Items?.Format == "binary";
}
