using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Tether.Generator.Reading;
using JsonPointer = Tether.Generator.Reading.JsonPointer;

namespace Tether.Generator.Translating;

/// <summary>
/// Follows a <c>$ref</c> that points inside something (<c>#/components/schemas/X/properties/y</c>, <c>…/items</c>,
/// <c>…/allOf/0</c>, a request or response schema under <c>#/paths</c>, a parameter's schema). Such pointers are valid
/// JSON references, but OpenAPI.NET keeps only their last segment (it reads <c>…/properties/created_at</c> as the
/// component <c>created_at</c>) and resolves nothing; the pointer is recovered from the text
/// (<see cref="DroppedKeywordFinder"/>) and walked here over the document's object model, so the schema found is the
/// very object translated where it is written and one type serves every reference to it.
/// </summary>
internal sealed class DeepReferenceResolver(OpenApiDocument document, TypeRegistry types)
{
    // A pointer with more than the three segments of '#/components/{kind}/{name}' is one the reader cannot follow.
    private static readonly Regex DeepPointer = new(@"^#/(components/[^/]+/[^/]+/.|paths/)", RegexOptions.CultureInvariant);

    public static bool IsDeep(string reference) => DeepPointer.IsMatch(reference);

    /// <summary>The schema at <paramref name="reference"/> and the site a type made from it is named by, or null when the pointer leads nowhere.</summary>
    public (IOpenApiSchema Schema, SchemaSite Site)? Resolve(string reference)
    {
        var segments = JsonPointer.Split(reference);
        if (segments is null || segments.Count < 3)
        {
            return null;
        }

        var at = 0;
        var start = Start(segments, ref at);
        if (start is null)
        {
            return null;
        }

        var (schema, hint, component) = start.Value;
        while (at < segments.Count)
        {
            schema = Follow(schema);
            (IOpenApiSchema? Schema, string Hint)? next = segments[at] switch
            {
                "properties" when at + 1 < segments.Count =>
                    (Lookup(schema.Properties, segments[at + 1]), hint + IdentifierRules.PascalCase(segments[at + 1])),
                "$defs" or "definitions" when at + 1 < segments.Count =>
                    (Lookup(schema.Definitions, segments[at + 1]), IdentifierRules.PascalCase(segments[at + 1])),
                "patternProperties" when at + 1 < segments.Count =>
                    (Lookup(schema.PatternProperties, segments[at + 1]), hint + "Value"),
                "allOf" or "oneOf" or "anyOf" when at + 1 < segments.Count =>
                    (Item(segments[at] == "allOf" ? schema.AllOf : segments[at] == "oneOf" ? schema.OneOf : schema.AnyOf, segments[at + 1]), hint),
                "items" => (schema.Items, hint + "Item"),
                "additionalProperties" => (schema.AdditionalProperties, hint + "Value"),
                "not" => (schema.Not, hint),
                _ => null,
            };
            if (next is not { Schema: { } found })
            {
                return null;
            }

            at += segments[at] is "items" or "additionalProperties" or "not" ? 1 : 2;
            schema = found;
            hint = next.Value.Hint;
        }

        return (schema, new SchemaSite(reference, hint, false, component));
    }

    private (IOpenApiSchema Schema, string Hint, string? Component)? Start(IReadOnlyList<string> segments, ref int at)
    {
        if (segments[0] == "components" && segments[1] == "schemas")
        {
            at = 3;
            var key = segments[2];
            return Lookup(document.Components?.Schemas, key) is { } schema ? (schema, types.ComponentName(key), key) : null;
        }

        if (segments[0] == "components" && segments[1] == "parameters")
        {
            var parameter = Lookup(document.Components?.Parameters, segments[2]);
            at = 3;
            return ParameterSchema(parameter, segments, ref at, IdentifierRules.TypeName(segments[2]));
        }

        if (segments[0] == "components" && segments[1] is "requestBodies" or "responses")
        {
            at = 3;
            var content = segments[1] == "responses"
                ? Lookup(document.Components?.Responses, segments[2])?.Content
                : Lookup(document.Components?.RequestBodies, segments[2])?.Content;
            return ContentSchema(content, segments, ref at, IdentifierRules.TypeName(segments[2]));
        }

        if (segments[0] == "paths" && segments.Count > 3)
        {
            return PathSchema(segments, ref at);
        }

        return null;
    }

    /// <summary><c>paths/{path}/{method}/requestBody|responses/{code}|parameters/{i}/…</c>, or <c>paths/{path}/parameters/{i}/…</c>.</summary>
    private (IOpenApiSchema, string, string?)? PathSchema(IReadOnlyList<string> segments, ref int at)
    {
        if (Lookup(document.Paths, segments[1]) is not { } item)
        {
            return null;
        }

        if (segments[2] == "parameters")
        {
            at = 4;
            return ParameterSchema(Item(item.Parameters, segments[3]), segments, ref at, IdentifierRules.TypeName(segments[3]));
        }

        OpenApiOperation? operation = null;
        foreach (var pair in item.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
        {
            if (string.Equals(pair.Key.Method, segments[2], StringComparison.OrdinalIgnoreCase))
            {
                operation = pair.Value;
            }
        }

        if (operation is null)
        {
            return null;
        }

        var owner = IdentifierRules.TypeName(operation.OperationId ?? segments[2] + " " + segments[1]);
        switch (segments[3])
        {
            case "requestBody":
                at = 4;
                return ContentSchema(operation.RequestBody?.Content, segments, ref at, owner + "Request");
            case "responses" when segments.Count > 4:
                at = 5;
                return ContentSchema(Lookup(operation.Responses, segments[4])?.Content, segments, ref at, owner + "Response");
            case "parameters" when segments.Count > 4:
                at = 5;
                return ParameterSchema(Item(operation.Parameters, segments[4]), segments, ref at, owner + IdentifierRules.PascalCase(segments[4]));
            default:
                return null;
        }
    }

    private static (IOpenApiSchema, string, string?)? ParameterSchema(IOpenApiParameter? parameter, IReadOnlyList<string> segments, ref int at, string hint)
    {
        if (parameter is null || at >= segments.Count)
        {
            return null;
        }

        if (segments[at] == "schema" && parameter.Schema is { } schema)
        {
            at++;
            return (schema, hint, null);
        }

        return segments[at] == "content" ? ContentSchema(parameter.Content, segments, ref at, hint) : null;
    }

    private static (IOpenApiSchema, string, string?)? ContentSchema(IDictionary<string, IOpenApiMediaType>? content, IReadOnlyList<string> segments, ref int at, string hint)
    {
        // content/{media type}/schema
        if (content is null || at + 2 >= segments.Count || segments[at] != "content" || segments[at + 2] != "schema" || Lookup(content, segments[at + 1])?.Schema is not { } schema)
        {
            return null;
        }

        at += 3;
        return (schema, hint, null);
    }

    private static IOpenApiSchema Follow(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            try
            {
                return reference.Target ?? schema;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return schema;
            }
        }

        return schema;
    }

    private static T? Lookup<T>(IDictionary<string, T>? map, string key) where T : class
        => map is not null && map.TryGetValue(key, out var value) ? value : null;

    private static T? Item<T>(IList<T>? list, string index) where T : class
        => list is not null && int.TryParse(index, out var i) && i >= 0 && i < list.Count ? list[i] : null;
}
