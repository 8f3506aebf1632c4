using Xunit;

namespace Tether.Runtime.Tests.Paging;

/// <summary>The paging loop on its own: cursors handed on, the end of a list, and the ends an inconsistent server gets.</summary>
public sealed class TetherPageableTests
{
    private sealed record Page(List<int> Items, string? Next);

    [Fact]
    public async Task HandsEachNextCursorOn_AndStopsAtTheLastPage()
    {
        var asked = new List<string?>();
        var pages = new Dictionary<string, Page> { [""] = new([1, 2], "b"), ["b"] = new([3], "c"), ["c"] = new([4], null) };
        var pageable = Pageable(asked, pages, first: null);

        Assert.Equal([1, 2, 3, 4], await ToListAsync(pageable));
        Assert.Equal([null, "b", "c"], asked);
    }

    [Fact]
    public async Task EmptyPage_OrRepeatedCursor_OrEmptyCursor_EndsTheList()
    {
        var asked = new List<string?>();
        Assert.Equal([1], await ToListAsync(Pageable(asked, new() { [""] = new([1], "b"), ["b"] = new([], "c") }, null)));
        Assert.Equal(2, asked.Count);

        asked.Clear();
        Assert.Equal([1, 2, 3], await ToListAsync(Pageable(asked, new() { [""] = new([1], "b"), ["b"] = new([2], "c"), ["c"] = new([3], "b") }, null)));
        Assert.Equal(3, asked.Count);

        asked.Clear();
        Assert.Equal([1], await ToListAsync(Pageable(asked, new() { [""] = new([1], "") }, null)));
        Assert.Single(asked);
    }

    [Fact]
    public async Task AStartingCursorThatComesBack_EndsTheList()
    {
        var asked = new List<string?>();
        Assert.Equal([5], await ToListAsync(Pageable(asked, new() { ["a"] = new([5], "a") }, "a")));
        Assert.Equal(["a"], asked);
    }

    [Fact]
    public async Task PagesCarryTheirCursors()
    {
        var pages = new List<TetherPage<Page, int>>();
        await foreach (var page in Pageable([], new() { [""] = new([1], "b"), ["b"] = new([2], null) }, null).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal([(null, "b"), ("b", null)], pages.Select(p => (p.Cursor, p.NextCursor)));
        Assert.Equal([2], pages[1].Items);
    }

    [Fact]
    public async Task TheCallsTokenAndTheEnumerationsToken_BothStopIt()
    {
        using var call = new CancellationTokenSource();
        using var enumeration = new CancellationTokenSource();
        var pages = new Dictionary<string, Page> { [""] = new([1], "b"), ["b"] = new([2], null) };
        var asked = new List<string?>();
        var pageable = new TetherPageable<Page, int>(
            (cursor, token) => { token.ThrowIfCancellationRequested(); asked.Add(cursor); return Task.FromResult(pages[cursor ?? ""]); },
            static page => page.Items,
            static (page, _) => page.Next,
            null,
            call.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in pageable.WithCancellation(enumeration.Token))
            {
                enumeration.Cancel();
            }
        });
        call.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await ToListAsync(pageable));
        Assert.Single(asked);
    }

    private static TetherPageable<Page, int> Pageable(List<string?> asked, Dictionary<string, Page> pages, string? first) => new(
        (cursor, _) =>
        {
            asked.Add(cursor);
            return Task.FromResult(pages[cursor ?? ""]);
        },
        static page => page.Items,
        static (page, _) => page.Next,
        first,
        CancellationToken.None);

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
