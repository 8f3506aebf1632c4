using System.Net;
using System.Text.Json.Nodes;
using Tether.EndToEnd.Tests.Support;
using Xunit;
using static Tether.EndToEnd.Tests.Paging.PagedListServer;

namespace Tether.EndToEnd.Tests.Paging;

/// <summary>
/// <c>client.Files.ListFilesAutoPagingAsync()</c>: every file of every page, one request per page as the caller
/// enumerates, the caller's other arguments on every page, and an end to every list, consistent or not.
/// </summary>
public sealed class AutoPagingTests
{
    [Fact]
    public async Task SeveralPages_YieldEveryItemInOrder_OneRequestPerPage_WithTheCallersArgumentsOnEach()
    {
        await using var server = await StartAsync("after", new Dictionary<string, JsonObject>
        {
            [""] = FilesPage(true, "file-1", "file-2"),
            ["file-2"] = FilesPage(true, "file-3", "file-4"),
            ["file-4"] = FilesPage(false, "file-5"),
        });
        using var client = TestClients.Create(server);

        var ids = new List<string>();
        await foreach (var file in client.Files.ListFilesAutoPagingAsync(purpose: "fine-tune", limit: 2))
        {
            ids.Add(file.Id);
        }

        Assert.Equal(["file-1", "file-2", "file-3", "file-4", "file-5"], ids);
        Assert.Equal(["", "file-2", "file-4"], CursorsAsked(server, "after"));
        Assert.All(server.Requests, request =>
        {
            Assert.Equal("fine-tune", QueryValue(request.RawTarget, "purpose"));
            Assert.Equal("2", QueryValue(request.RawTarget, "limit"));
            Assert.Equal("Bearer " + TestClients.ApiKey, request.Header("Authorization"));
        });
    }

    [Fact]
    public async Task NothingIsSent_UntilEnumerationStarts_AndBreakStopsFetching()
    {
        await using var server = await StartAsync("after", new Dictionary<string, JsonObject>
        {
            [""] = FilesPage(true, "file-1", "file-2"),
            ["file-2"] = FilesPage(true, "file-3", "file-4"),
            ["file-4"] = FilesPage(false, "file-5"),
        });
        using var client = TestClients.Create(server);

        var files = client.Files.ListFilesAutoPagingAsync();
        Assert.Empty(server.Requests);

        await foreach (var file in files)
        {
            if (file.Id == "file-3")
            {
                break;
            }
        }

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task PagesView_GivesEachPageWithItsCursors_AndAStartingCursorResumes()
    {
        await using var server = await StartAsync("after", new Dictionary<string, JsonObject>
        {
            [""] = FilesPage(true, "file-1", "file-2"),
            ["file-2"] = FilesPage(true, "file-3", "file-4"),
            ["file-4"] = FilesPage(false, "file-5"),
        });
        using var client = TestClients.Create(server);

        var pages = new List<(string? Cursor, string? Next, int Count)>();
        await foreach (var page in client.Files.ListFilesAutoPagingAsync().AsPages())
        {
            pages.Add((page.Cursor, page.NextCursor, page.Items.Count));
            Assert.Equal(page.Items.Count, page.Value.Data.Count);
        }

        Assert.Equal([(null, "file-2", 2), ("file-2", "file-4", 2), ("file-4", null, 1)], pages);

        var resumed = new List<string>();
        await foreach (var file in client.Files.ListFilesAutoPagingAsync(after: "file-2"))
        {
            resumed.Add(file.Id);
        }

        Assert.Equal(["file-3", "file-4", "file-5"], resumed);
    }

    [Fact]
    public async Task EmptyList_AndSinglePage_EachTakeOneRequest()
    {
        await using var empty = await StartAsync("after", new Dictionary<string, JsonObject> { [""] = FilesPage(false) });
        await using var single = await StartAsync("after", new Dictionary<string, JsonObject> { [""] = FilesPage(false, "file-1", "file-2") });
        using var emptyClient = TestClients.Create(empty);
        using var singleClient = TestClients.Create(single);

        Assert.Empty(await ToListAsync(emptyClient.Files.ListFilesAutoPagingAsync()));
        Assert.Equal(2, (await ToListAsync(singleClient.Files.ListFilesAutoPagingAsync())).Count);
        Assert.Single(empty.Requests);
        Assert.Single(single.Requests);
    }

    [Fact]
    public async Task AnInconsistentServer_EndsTheList_NeverLoops()
    {
        // has_more with an empty page, and has_more with a cursor that was already sent.
        await using var emptyButMore = await StartAsync("after", new Dictionary<string, JsonObject>
        {
            [""] = FilesPage(true, "file-1"),
            ["file-1"] = FilesPage(true),
        });
        await using var repeating = await StartAsync("after", new Dictionary<string, JsonObject>
        {
            [""] = FilesPage(true, "file-1", "file-2"),
            ["file-2"] = FilesPage(true, "file-3", "file-2"),
        });
        using var first = TestClients.Create(emptyButMore);
        using var second = TestClients.Create(repeating);

        Assert.Equal(["file-1"], (await ToListAsync(first.Files.ListFilesAutoPagingAsync())).Select(f => f.Id));
        Assert.Equal(2, emptyButMore.Requests.Count);
        Assert.Equal(["file-1", "file-2", "file-3", "file-2"], (await ToListAsync(second.Files.ListFilesAutoPagingAsync())).Select(f => f.Id));
        Assert.Equal(2, repeating.Requests.Count);
    }

    [Fact]
    public async Task AnErrorMidway_ThrowsTheTypedException_AfterTheItemsBeforeIt()
    {
        await using var server = await StartAsync("after", new Dictionary<string, JsonObject>
        {
            [""] = FilesPage(true, "file-1", "file-2"),
        });
        using var client = TestClients.Create(server);
        var seen = new List<string>();

        var error = await Assert.ThrowsAsync<TetherApiException>(async () =>
        {
            await foreach (var file in client.Files.ListFilesAutoPagingAsync())
            {
                seen.Add(file.Id);
            }
        });

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(["file-1", "file-2"], seen);
    }

    [Fact]
    public async Task Cancellation_StopsFetching()
    {
        await using var server = await StartAsync("after", new Dictionary<string, JsonObject>
        {
            [""] = FilesPage(true, "file-1", "file-2"),
            ["file-2"] = FilesPage(false, "file-3"),
        });
        using var client = TestClients.Create(server);
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var file in client.Files.ListFilesAutoPagingAsync().WithCancellation(cancellation.Token))
            {
                cancellation.Cancel();
            }
        });

        Assert.Single(server.Requests);
    }

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
