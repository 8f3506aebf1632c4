using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Tether.Generator.Reading;
using JsonPointer = Tether.Generator.Reading.JsonPointer;

namespace Tether.Generator.Translating;

/// <summary>Questions about a raw OpenAPI.NET schema that several translation steps ask.</summary>
internal static class SchemaFacts
{
    public const string ComponentSchemaPrefix = "#/components/schemas/";

    /// <summary>The component key a <c>$ref</c> names, when it points at a whole component schema.</summary>
    public static string? ComponentKey(OpenApiSchemaReference reference)
    {
        var target = reference.Reference;
        if (target is null || target.IsExternal || target.Id is null)
        {
            return null;
        }

        var text = target.ReferenceV3;
        if (text is null || !text.StartsWith(ComponentSchemaPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        // The common case without splitting: "#/components/schemas/" + the key as is.
        if (text.Length == ComponentSchemaPrefix.Length + target.Id.Length && text.EndsWith(target.Id, StringComparison.Ordinal))
        {
            return target.Id;
        }

        return JsonPointer.Split(text) is { Count: 3 } segments && segments[2] == target.Id ? target.Id : null;
    }

    /// <summary>The <c>$ref</c> text as written, for messages.</summary>
    public static string RefText(OpenApiSchemaReference reference)
        => reference.Reference?.ReferenceV3 ?? reference.Reference?.Id ?? "$ref";

    /// <summary>
    /// Nullability stated on this schema object itself: a <c>null</c> type (3.1 <c>type: [T, "null"]</c>, 3.0
    /// <c>nullable</c> with a type), or the 3.0 <c>nullable: true</c> keyword that a 3.1 reader keeps as unknown.
    /// For a <c>$ref</c>, only what is written next to it counts.
    /// </summary>
    public static bool DeclaresNullable(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            var siblings = reference.Reference;
            return siblings is not null
                && ((siblings.SchemaType is { } type && (type & JsonSchemaType.Null) != 0) || IsTrue(siblings.UnrecognizedKeywords, "nullable"));
        }

        return (schema.Type is { } flags && (flags & JsonSchemaType.Null) != 0) || IsTrue(schema.UnrecognizedKeywords, "nullable");
    }

    /// <summary><c>{type: "null"}</c> and nothing that would shape a value: the null branch of <c>anyOf[T, null]</c>.</summary>
    public static bool IsNullOnly(IOpenApiSchema schema)
        => schema is not OpenApiSchemaReference
            && schema.Type == JsonSchemaType.Null
            && !HasShape(schema);

    /// <summary>
    /// A schema that constrains but does not shape a value: no type, no properties, no members, no reference — e.g.
    /// the <c>{required: [image_url]}</c> branches of an exactly-one-of. Such union members are not variants.
    /// </summary>
    public static bool IsConstraintOnly(IOpenApiSchema schema)
        => schema is not OpenApiSchemaReference
            && schema.Type is null
            && !HasShape(schema)
            && RecursiveRef(schema) is null
            && schema.DynamicRef is null
            && schema.Enum is not { Count: > 0 }
            && schema.Const is null;

    /// <summary>
    /// Only annotations (description, title, <c>nullable</c>…): an allOf part like <c>{nullable: true}</c> that adds
    /// nothing to the shape of the value.
    /// </summary>
    public static bool IsAnnotationOnly(IOpenApiSchema schema)
        => IsConstraintOnly(schema) && schema.Required is not { Count: > 0 };

    public static bool HasShape(IOpenApiSchema schema)
        => schema.Properties is { Count: > 0 }
            || schema.Items is not null
            || schema.AdditionalProperties is not null
            || schema.AllOf is { Count: > 0 }
            || schema.OneOf is { Count: > 0 }
            || schema.AnyOf is { Count: > 0 };

    /// <summary>The JSON Schema 2019-09 <c>$recursiveRef</c>, which OpenAPI.NET keeps as an unknown keyword.</summary>
    public static string? RecursiveRef(IOpenApiSchema schema)
        => schema.UnrecognizedKeywords is { } keywords && keywords.TryGetValue("$recursiveRef", out var node) ? StringOf(node) : null;

    /// <summary>The string values of <c>enum</c>/<c>const</c> (null entries dropped), or null when there are none.</summary>
    public static List<string>? EnumStrings(IOpenApiSchema schema, out bool containsNull)
    {
        containsNull = false;
        if (schema.Const is { } constant)
        {
            return new List<string> { constant };
        }

        if (schema.Enum is not { Count: > 0 } values)
        {
            return null;
        }

        var result = new List<string>(values.Count);
        foreach (var value in values)
        {
            if (value is null || value.GetValueKind() == JsonValueKind.Null)
            {
                containsNull = true;
                continue;
            }

            var text = StringOf(value);
            if (text is not null && !result.Contains(text))
            {
                result.Add(text);
            }
        }

        return result;
    }

    /// <summary>The JSON kind of the enum values when they all share one, e.g. an integer enum <c>[0, 1]</c>.</summary>
    public static JsonValueKind? EnumValueKind(IOpenApiSchema schema)
    {
        if (schema.Const is not null)
        {
            return JsonValueKind.String;
        }

        JsonValueKind? kind = null;
        foreach (var value in schema.Enum ?? Array.Empty<JsonNode>())
        {
            if (value is null)
            {
                continue;
            }

            var valueKind = value.GetValueKind();
            if (valueKind is JsonValueKind.True or JsonValueKind.False)
            {
                valueKind = JsonValueKind.True;
            }

            if (valueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (kind is not null && kind != valueKind)
            {
                return null;
            }

            kind = valueKind;
        }

        return kind;
    }

    public static bool IsTrue(IDictionary<string, JsonNode>? keywords, string name)
        => keywords is not null && keywords.TryGetValue(name, out var node) && node is not null
            && node.GetValueKind() == JsonValueKind.True;

    private static string? StringOf(JsonNode? node)
    {
        if (node is JsonValue value)
        {
            if (value.TryGetValue<string>(out var text))
            {
                return text;
            }

            return value.ToJsonString();
        }

        return node?.ToJsonString();
    }
}
