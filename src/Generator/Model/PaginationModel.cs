namespace Tether.Generator.Model;

/// <summary>Where the cursor for the next page comes from.</summary>
internal enum NextCursorSource
{
    /// <summary>A field of the page (<c>last_id</c>, <c>next_page</c>, <c>next</c>, <c>next_cursor</c>, …).</summary>
    PageField,

    /// <summary>The <c>id</c> of the page's last item (pages with <c>has_more</c> but no cursor field).</summary>
    LastItemId,
}

/// <summary>
/// A list operation that pages: a cursor query parameter, a <c>data</c> array of items, and a way to the next cursor
/// (gated by <c>has_more</c> when the page has it). Names are the C# property names of the page and item types.
/// </summary>
/// <param name="CursorParameter">The wire name of the cursor query parameter (<c>after</c>, <c>page</c>, …).</param>
/// <param name="ItemType">The type of one item of <see cref="ItemsProperty"/>.</param>
/// <param name="ItemsProperty">The page's list property (<c>Data</c>).</param>
/// <param name="HasMoreProperty">The page's <c>has_more</c> property, when it has one.</param>
/// <param name="NextCursorProperty">The page's cursor field, or the item's id property for <see cref="NextCursorSource.LastItemId"/>.</param>
/// <param name="Shape">How it pages, for diagnostics and the census: <c>after + has_more + last_id</c>.</param>
internal sealed record PaginationModel(
    string CursorParameter,
    TypeRef ItemType,
    string ItemsProperty,
    string? HasMoreProperty,
    NextCursorSource Source,
    string NextCursorProperty,
    string Shape);
