using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Tether;

/// <summary>
/// Every item of a paged list, fetched one page per request as you enumerate: nothing is sent until enumeration
/// starts, <c>break</c> or cancellation stops fetching, and an error on any page throws the usual Tether exception.
/// <see cref="AsPages"/> gives the pages themselves, with their cursors. Generated clients return one from each
/// list operation's <c>…AutoPagingAsync</c> method.
/// </summary>
/// <remarks>
/// Ends at the last page (no next cursor, or <c>has_more: false</c>), and also when a server says there is more but
/// sends an empty page or a cursor it already sent: an inconsistent server ends the list, it never loops.
/// </remarks>
/// <typeparam name="TPage">The page type (the list operation's response).</typeparam>
/// <typeparam name="TItem">The item type.</typeparam>
public sealed class TetherPageable<TPage, TItem> : IAsyncEnumerable<TItem>
{
    private readonly Func<string?, CancellationToken, Task<TPage>> _fetch;
    private readonly Func<TPage, IList<TItem>?> _items;
    private readonly Func<TPage, IList<TItem>, string?> _nextCursor;
    private readonly string? _firstCursor;
    private readonly CancellationToken _callToken;

    /// <summary>Creates the list; used by generated code.</summary>
    /// <param name="fetch">Gets one page for a cursor (<see langword="null"/>: the first page), with the caller's other arguments.</param>
    /// <param name="items">The items of a page.</param>
    /// <param name="nextCursor">The next page's cursor from a page and its items, or <see langword="null"/> at the end.</param>
    /// <param name="firstCursor">The cursor to start from (resume), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">The call's token; enumeration may add its own.</param>
    public TetherPageable(
        Func<string?, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IList<TItem>?> items,
        Func<TPage, IList<TItem>, string?> nextCursor,
        string? firstCursor,
        CancellationToken cancellationToken)
    {
        _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
        _items = items ?? throw new ArgumentNullException(nameof(items));
        _nextCursor = nextCursor ?? throw new ArgumentNullException(nameof(nextCursor));
        _firstCursor = firstCursor;
        _callToken = cancellationToken;
    }

    /// <summary>The pages, one request each, as you enumerate.</summary>
    /// <param name="cancellationToken">Stops fetching (besides the call's token).</param>
    public async IAsyncEnumerable<TetherPage<TPage, TItem>> AsPages([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = cancellationToken.CanBeCanceled && _callToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(_callToken, cancellationToken)
            : null;
        var token = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : _callToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var cursor = _firstCursor;
        if (cursor is not null)
        {
            seen.Add(cursor);
        }

        while (true)
        {
            token.ThrowIfCancellationRequested();
            var page = await _fetch(cursor, token).ConfigureAwait(false);
            var items = _items(page) ?? Array.Empty<TItem>();
            var next = _nextCursor(page, items);
            // An empty page, or a cursor seen before, ends the list even if the server claims there is more.
            if (string.IsNullOrEmpty(next) || items.Count == 0 || !seen.Add(next!))
            {
                next = null;
            }

            yield return new TetherPage<TPage, TItem>(page, items as IReadOnlyList<TItem> ?? new List<TItem>(items), cursor, next);
            if (next is null)
            {
                yield break;
            }

            cursor = next;
        }
    }

    /// <summary>Every item of every page, in order.</summary>
    /// <param name="cancellationToken">Stops fetching (besides the call's token).</param>
    public async IAsyncEnumerator<TItem> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }
}
