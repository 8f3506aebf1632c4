using System.Collections.Generic;

namespace Tether;

/// <summary>One page of a paged list: the response as the one-page method returns it, its items, and its cursors.</summary>
/// <typeparam name="TPage">The page type (the list operation's response).</typeparam>
/// <typeparam name="TItem">The item type.</typeparam>
public sealed class TetherPage<TPage, TItem>
{
    internal TetherPage(TPage value, IReadOnlyList<TItem> items, string? cursor, string? nextCursor)
    {
        Value = value;
        Items = items;
        Cursor = cursor;
        NextCursor = nextCursor;
    }

    /// <summary>The page as the service sent it.</summary>
    public TPage Value { get; }

    /// <summary>The page's items (empty when the page has none).</summary>
    public IReadOnlyList<TItem> Items { get; }

    /// <summary>The cursor this page was asked for with; <see langword="null"/> for the first page.</summary>
    public string? Cursor { get; }

    /// <summary>The cursor of the next page, or <see langword="null"/> when this is the last: keep it to resume later.</summary>
    public string? NextCursor { get; }
}
