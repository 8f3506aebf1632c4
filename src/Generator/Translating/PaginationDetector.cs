using System;
using System.Collections.Generic;
using System.Linq;
using Tether.Generator.Diagnostics;
using Tether.Generator.Model;
using Tether.Generator.Reading;

namespace Tether.Generator.Translating;

/// <summary>
/// Finds the list operations that page, from the spec's shapes alone: a string cursor query parameter (<c>after</c>,
/// <c>starting_after</c>, <c>page</c>, <c>cursor</c>, …) and a response object with a <c>data</c> array, plus the next
/// cursor from a page field (<c>last_id</c>, <c>next_page</c>, <c>next</c>, <c>next_cursor</c>, …) or, for
/// <c>after</c>-style cursors under <c>has_more</c>, the last item's <c>id</c>. An operation with a <c>data</c> list and
/// <c>has_more</c> or a cursor-like parameter that matches none of these gets TETHER015 saying why.
/// </summary>
internal static class PaginationDetector
{
    // Cursors that name the last item seen: the next page starts after it.
    private static readonly string[] AfterCursors = { "after", "starting_after", "after_id" };

    // Opaque cursors the previous page hands out.
    private static readonly string[] TokenCursors = { "page", "cursor", "page_token", "next_token", "continuation_token", "next_cursor", "page_cursor" };

    // Page fields holding the next cursor, for each kind of cursor parameter.
    private static readonly string[] AfterFields = { "last_id", "next_cursor", "next" };
    private static readonly string[] TokenFields = { "next_page", "next_cursor", "next_page_token", "next_token", "continuation_token", "next" };

    public static List<OperationModel> Apply(IReadOnlyList<OperationModel> operations, IReadOnlyList<TypeModel> types, DiagnosticBag diagnostics)
    {
        var objects = new Dictionary<string, ObjectTypeModel>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (type is ObjectTypeModel model)
            {
                objects[type.Name] = model;
            }
        }

        var result = new List<OperationModel>(operations.Count);
        foreach (var operation in operations)
        {
            result.Add(Detect(operation, objects, diagnostics) is { } pagination ? operation with { Pagination = pagination } : operation);
        }

        return result;
    }

    private static PaginationModel? Detect(OperationModel operation, Dictionary<string, ObjectTypeModel> objects, DiagnosticBag diagnostics)
    {
        if (operation.Response is not { Kind: ResponseKind.Json, Type: { Kind: TypeRefKind.Named } responseType }
            || !objects.TryGetValue(responseType.Name!, out var page)
            || Property(page, "data") is not { Type: { Kind: TypeRefKind.Array, Element: { } itemType } } data)
        {
            return null;
        }

        var hasMore = Property(page, "has_more") is { Type.Kind: TypeRefKind.Boolean } flag ? flag : null;
        var cursor = operation.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Query && IsCursorName(p.Name));
        if (cursor is null)
        {
            if (hasMore is not null)
            {
                Report(operation, diagnostics, "has_more", "no cursor query parameter");
            }

            return null;
        }

        if (cursor.Type.Kind != TypeRefKind.String)
        {
            Report(operation, diagnostics, "the cursor parameter '" + cursor.Name + "'", "the cursor is not a string");
            return null;
        }

        var isAfter = Array.IndexOf(AfterCursors, cursor.Name) >= 0;
        foreach (var field in isAfter ? AfterFields : TokenFields)
        {
            if (Property(page, field) is { Type.Kind: TypeRefKind.String } next)
            {
                return new PaginationModel(cursor.Name, itemType, data.Name, hasMore?.Name, NextCursorSource.PageField, next.Name, Shape(cursor.Name, hasMore, field));
            }
        }

        if (isAfter && hasMore is not null && itemType is { Kind: TypeRefKind.Named } named
            && objects.TryGetValue(named.Name!, out var item) && Property(item, "id") is { Type.Kind: TypeRefKind.String } id)
        {
            return new PaginationModel(cursor.Name, itemType, data.Name, hasMore.Name, NextCursorSource.LastItemId, id.Name, Shape(cursor.Name, hasMore, "last item's id"));
        }

        Report(operation, diagnostics, "the cursor parameter '" + cursor.Name + "'", hasMore is null
            ? "no has_more flag and no next-cursor field"
            : "no next-cursor field, and the items have no string 'id'");
        return null;
    }

    private static bool IsCursorName(string name) => Array.IndexOf(AfterCursors, name) >= 0 || Array.IndexOf(TokenCursors, name) >= 0;

    private static PropertyModel? Property(ObjectTypeModel type, string jsonName)
    {
        foreach (var property in type.Properties)
        {
            if (property.JsonName == jsonName)
            {
                return property;
            }
        }

        return null;
    }

    private static string Shape(string cursor, PropertyModel? hasMore, string next) =>
        cursor + (hasMore is null ? string.Empty : " + has_more") + " + " + next;

    private static void Report(OperationModel operation, DiagnosticBag diagnostics, string what, string why)
    {
        var path = operation.PathTemplate + (operation.FixedQuery is null ? string.Empty : "?" + operation.FixedQuery);
        var pointer = JsonPointer.Append(JsonPointer.Append("#/paths", path), operation.HttpMethod.ToLowerInvariant());
        diagnostics.Add(DiagnosticDescriptors.PagingNotRecognized, pointer, operation.OperationId, what, why);
    }
}
