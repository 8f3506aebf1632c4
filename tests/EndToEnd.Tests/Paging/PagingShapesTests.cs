using System.Text.Json.Nodes;
using Tether.EndToEnd.Tests.Support;
using Xunit;
using static Tether.EndToEnd.Tests.Paging.PagedListServer;

namespace Tether.EndToEnd.Tests.Paging;

/// <summary>
/// The official spec's other three paging shapes, each over several pages: the last item's id as the cursor
/// (fine-tuning jobs), <c>page</c> + <c>next_page</c> (usage and costs), and <c>after</c> + <c>next</c> (groups).
/// </summary>
public sealed class PagingShapesTests
{
    [Fact]
    public async Task LastItemsIdIsTheCursor_WhenThePageHasNoCursorField()
    {
        static JsonObject Page(bool hasMore, params string[] ids) => new()
        {
            ["object"] = "list",
            ["data"] = new JsonArray(ids.Select(id => (JsonNode)JsonNode.Parse($$"""{"id":"{{id}}","object":"fine_tuning.job","created_at":1,"model":"gpt-4o-mini","organization_id":"org","status":"succeeded","training_file":"file-1","hyperparameters":{},"result_files":[],"seed":1,"error":null,"fine_tuned_model":null,"finished_at":null,"trained_tokens":null,"validation_file":null}""")!).ToArray()),
            ["has_more"] = hasMore,
        };
        await using var server = await StartAsync("after", new Dictionary<string, JsonObject>
        {
            [""] = Page(true, "ftjob-1", "ftjob-2"),
            ["ftjob-2"] = Page(true, "ftjob-3"),
            ["ftjob-3"] = Page(false, "ftjob-4"),
        });
        using var client = TestClients.Create(server);

        var ids = new List<string>();
        await foreach (var job in client.FineTuning.ListPaginatedFineTuningJobsAutoPagingAsync(limit: 2))
        {
            ids.Add(job.Id);
        }

        Assert.Equal(["ftjob-1", "ftjob-2", "ftjob-3", "ftjob-4"], ids);
        Assert.Equal(["", "ftjob-2", "ftjob-3"], CursorsAsked(server, "after"));
    }

    [Fact]
    public async Task PageAndNextPage_CarryAnOpaqueCursor()
    {
        static JsonObject Page(string? next, params long[] starts) => new()
        {
            ["object"] = "page",
            ["data"] = new JsonArray(starts.Select(start => (JsonNode)JsonNode.Parse($$"""{"object":"bucket","start_time":{{start}},"end_time":{{start + 86400}},"results":[]}""")!).ToArray()),
            ["has_more"] = next is not null,
            ["next_page"] = next,
        };
        await using var server = await StartAsync("page", new Dictionary<string, JsonObject>
        {
            [""] = Page("page_AAA", 1730419200, 1730505600),
            ["page_AAA"] = Page("page_BBB", 1730592000),
            ["page_BBB"] = Page(null, 1730678400),
        });
        using var client = TestClients.Create(server, options => options.AdminApiKey = "sk-admin");

        var starts = new List<long>();
        await foreach (var bucket in client.Usage.UsageCostsAutoPagingAsync(startTime: 1730419200))
        {
            starts.Add(bucket.StartTime);
        }

        Assert.Equal([1730419200L, 1730505600, 1730592000, 1730678400], starts);
        Assert.Equal(["", "page_AAA", "page_BBB"], CursorsAsked(server, "page"));
        Assert.All(server.Requests, r => Assert.Equal("1730419200", QueryValue(r.RawTarget, "start_time")));
    }

    [Fact]
    public async Task AfterAndNext_TheNextFieldIsTheCursor()
    {
        static JsonObject Page(string? next, params string[] ids) => new()
        {
            ["object"] = "list",
            ["data"] = new JsonArray(ids.Select(id => (JsonNode)JsonNode.Parse($$"""{"object":"group","id":"{{id}}","name":"{{id}}","created_at":1,"is_scim_managed":false}""")!).ToArray()),
            ["has_more"] = next is not null,
            ["next"] = next,
        };
        await using var server = await StartAsync("after", new Dictionary<string, JsonObject>
        {
            [""] = Page("cursor-1", "group-1"),
            ["cursor-1"] = Page("cursor-2", "group-2"),
            ["cursor-2"] = Page(null, "group-3"),
        });
        using var client = TestClients.Create(server, options => options.AdminApiKey = "sk-admin");

        var ids = new List<string>();
        await foreach (var group in client.Groups.ListGroupsAutoPagingAsync())
        {
            ids.Add(group.Id);
        }

        Assert.Equal(["group-1", "group-2", "group-3"], ids);
        Assert.Equal(["", "cursor-1", "cursor-2"], CursorsAsked(server, "after"));
    }
}
