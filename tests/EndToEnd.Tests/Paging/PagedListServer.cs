using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tether.EndToEnd.Tests.Support;

namespace Tether.EndToEnd.Tests.Paging;

/// <summary>
/// A list endpoint of the fake server: pages of items keyed by the cursor query parameter they are asked for with,
/// each answered by a page-shaping function (so one server plays any of the spec's shapes, or an inconsistent one).
/// </summary>
internal static class PagedListServer
{
    /// <summary>Answers each request with the page for its cursor (<paramref name="cursorParameter"/>; absent: the first page's key "").</summary>
    public static Task<FakeOpenAIServer> StartAsync(string cursorParameter, IReadOnlyDictionary<string, JsonObject> pages) =>
        FakeOpenAIServer.StartAsync(async (context, _, _) =>
        {
            var cursor = context.Request.Query[cursorParameter].ToString();
            if (!pages.TryGetValue(cursor, out var page))
            {
                await FakeOpenAIServer.WriteJsonAsync(context, """{"error":{"message":"No such cursor.","type":"invalid_request_error","param":"after","code":null}}""", StatusCodes.Status400BadRequest);
                return;
            }

            await FakeOpenAIServer.WriteJsonAsync(context, page.ToJsonString());
        });

    /// <summary>A file as <c>GET /files</c> lists it.</summary>
    public static JsonObject File(string id) => JsonNode.Parse(
        $$"""{"id":"{{id}}","object":"file","bytes":120000,"created_at":1677610602,"filename":"{{id}}.jsonl","purpose":"fine-tune","status":"processed"}""")!.AsObject();

    /// <summary>A <c>ListFilesResponse</c>: <c>after</c> + <c>has_more</c> + <c>last_id</c>.</summary>
    public static JsonObject FilesPage(bool hasMore, params string[] ids) => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray(ids.Select(id => (JsonNode)File(id)).ToArray()),
        ["first_id"] = ids.FirstOrDefault(),
        ["last_id"] = ids.LastOrDefault(),
        ["has_more"] = hasMore,
    };

    public static List<string> CursorsAsked(FakeOpenAIServer server, string cursorParameter) =>
        server.Requests.Select(r => QueryValue(r.RawTarget, cursorParameter)).ToList();

    public static string QueryValue(string rawTarget, string name)
    {
        var query = rawTarget.Contains('?', StringComparison.Ordinal) ? rawTarget[(rawTarget.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (Uri.UnescapeDataString(parts[0]) == name)
            {
                return parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
            }
        }

        return "";
    }
}
