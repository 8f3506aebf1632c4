using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Tether.Runtime.Tests.Pipeline.Support;
using Xunit;

namespace Tether.Runtime.Tests.Pipeline;

public sealed class PathAndQueryTests
{
    [Theory]
    [InlineData("file-abc123", "file-abc123")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("../x", "..%2Fx")]
    [InlineData("...", "...")]
    [InlineData("a?b#c%d", "a%3Fb%23c%25d")]
    [InlineData("a b", "a%20b")]
    [InlineData("ü", "%C3%BC")]
    [InlineData("v1.2_x-y~z", "v1.2_x-y~z")]
    public void EscapeSegment_KeepsTheValueInsideOneSegment(string value, string expected)
    {
        Assert.Equal(expected, UriPath.EscapeSegment(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public void EscapeSegment_RejectsValuesThatAddressAnotherResource_NamingTheParameter(string fileId)
    {
        var ex = Assert.Throws<ArgumentException>(() => UriPath.EscapeSegment(fileId));

        Assert.Equal("fileId", ex.ParamName);
    }

    [Theory]
    [InlineData("../../admin")]
    [InlineData("a/b")]
    [InlineData("x?y=1#z")]
    [InlineData("100%")]
    [InlineData("%2E%2E")]
    public async Task EscapedSegments_ReachTheServerInsideTheirSegment(string value)
    {
        string? rawTarget = null;
        string? decodedPath = null;
        await using PipelineServer server = await PipelineServer.StartAsync(context =>
        {
            rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
            decodedPath = context.Request.Path.Value;
            return Task.CompletedTask;
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, "/files/" + UriPath.EscapeSegment(value) + "/content"));

        Assert.Equal("/v1/files/" + UriPath.EscapeSegment(value) + "/content", rawTarget);
        // The server's own decoding keeps the value as the one segment between "files" and "content".
        Assert.StartsWith("/v1/files/", decodedPath);
        Assert.EndsWith("/content", decodedPath);
        Assert.Equal(5, rawTarget!.Split('/').Length);
    }

    [Fact]
    public void Query_ExplodesArrays_KeepsBracketNames_AndFormatsInvariantly()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE"); // writes 1,5 for 1.5
        try
        {
            string query = new QueryStringBuilder()
                .Add("limit", 20)
                .Add("after", (string?)null)
                .Add("stream", true)
                .Add("temperature", 1.5)
                .AddEach("include[]", new[] { "a", "b c" })
                .AddDeepObject("metadata", new Dictionary<string, string?> { ["key"] = "v&1" })
                .ToString();

            Assert.Equal("?limit=20&stream=true&temperature=1.5&include%5B%5D=a&include%5B%5D=b%20c&metadata%5Bkey%5D=v%261", query);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Query_IsEmptyWhenNothingWasAdded()
    {
        Assert.Equal("", new QueryStringBuilder().Add("a", (bool?)null).AddEach("b", null).ToString());
    }

    [Fact]
    public async Task Query_IsDecodedByTheServerToTheOriginalValues()
    {
        IQueryCollection? query = null;
        await using PipelineServer server = await PipelineServer.StartAsync(context =>
        {
            query = context.Request.Query;
            return Task.CompletedTask;
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));
        string path = "/logs" + new QueryStringBuilder()
            .AddEach("event_types[]", new[] { "a.b", "c&d=e" })
            .AddDeepObject("metadata", new Dictionary<string, string?> { ["team"] = "x y", ["skipped"] = null })
            .Add("order", "desc");

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, path));

        Assert.NotNull(query);
        Assert.Equal(new[] { "a.b", "c&d=e" }, query!["event_types[]"].ToArray());
        Assert.Equal("x y", query["metadata[team]"].ToString());
        Assert.False(query.ContainsKey("metadata[skipped]"));
        Assert.Equal("desc", query["order"].ToString());
    }

    [Theory]
    [InlineData("/models", "/v1/models")]
    [InlineData("models", "/v1/models")]
    [InlineData("?x=1", "/v1?x=1")]
    [InlineData("/files/%7E%41", "/v1/files/%7E%41")] // sent verbatim: no unescaping of unreserved characters
    public async Task Paths_AreAppendedToTheBaseAddressPath(string path, string expectedTarget)
    {
        string? rawTarget = null;
        await using PipelineServer server = await PipelineServer.StartAsync(context =>
        {
            rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
            return Task.CompletedTask;
        });
        using var pipeline = new TetherPipeline(FastOptions.For(server));

        await pipeline.SendAsync(new TetherRequest(HttpMethod.Get, path));

        Assert.Equal(expectedTarget, rawTarget);
    }

    [Fact]
    public void WireFormat_IsCultureIndependent()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            Assert.Equal("0.25", WireFormat.Format(0.25));
            Assert.Equal("0.5", WireFormat.Format(0.5f));
            Assert.Equal("-1234567", WireFormat.Format(-1234567L));
            Assert.Equal("false", WireFormat.Format(false));
            Assert.Equal("a,b", WireFormat.FormatSimpleList(new[] { "a", "b" }));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
