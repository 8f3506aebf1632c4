using System.Text.Json.Nodes;
using Tether.Generator.Reading.JsonPath;
using Tether.Generator.Reading.Yaml;
using Xunit;

namespace Tether.Generator.Tests.Reading.JsonPath;

/// <summary>The JSONPath subset overlays target with: what each form selects, and that bad queries are errors, not exceptions.</summary>
public sealed class JsonPathTests
{
    private const string Document = """
        paths:
          /embeddings:
            post:
              operationId: createEmbedding
              x-oai-traits: [paged]
          /files/{file_id}:
            get:
              operationId: retrieveFile
              parameters:
                - name: file_id
                  in: path
                  required: true
                - name: limit
                  in: query
                  default: 20
                - name: order
                  in: query
                  default: ~
        "it's":
          quoted: 1
        """;

    private static readonly JsonNode YamlTree = BlockYamlReader.TryRead(Document, CancellationToken.None)!;

    // The same document through System.Text.Json: numbers and nulls are held differently, and must select the same.
    private static readonly JsonNode JsonTree = JsonNode.Parse(Support.YamlToJson.Convert(Document))!;

    public static TheoryData<string, string[]> Selections => new()
    {
        { "$", ["#"] },
        { "$.paths['/embeddings'].post", ["#/paths/~1embeddings/post"] },
        { "$.paths[\"/files/{file_id}\"].get.operationId", ["#/paths/~1files~1{file_id}/get/operationId"] },
        { "$['it\\'s'].quoted", ["#/it's/quoted"] },
        { "$.paths.*.*.operationId", ["#/paths/~1embeddings/post/operationId", "#/paths/~1files~1{file_id}/get/operationId"] },
        { "$.paths[*]", ["#/paths/~1embeddings", "#/paths/~1files~1{file_id}"] },
        { "$..operationId", ["#/paths/~1embeddings/post/operationId", "#/paths/~1files~1{file_id}/get/operationId"] },
        { "$..parameters[0].name", ["#/paths/~1files~1{file_id}/get/parameters/0/name"] },
        { "$..parameters[-1]", ["#/paths/~1files~1{file_id}/get/parameters/2"] },
        { "$..parameters[3]", [] },
        { "$..parameters[0, 2]", ["#/paths/~1files~1{file_id}/get/parameters/0", "#/paths/~1files~1{file_id}/get/parameters/2"] },
        { "$..parameters[?@.name == 'limit']", ["#/paths/~1files~1{file_id}/get/parameters/1"] },
        { "$..parameters[?(@.in == \"query\")]", ["#/paths/~1files~1{file_id}/get/parameters/1", "#/paths/~1files~1{file_id}/get/parameters/2"] },
        { "$..parameters[?@.in != 'query']", ["#/paths/~1files~1{file_id}/get/parameters/0"] },
        { "$..parameters[?@.default == 20]", ["#/paths/~1files~1{file_id}/get/parameters/1"] },
        { "$..parameters[?@.default == 20.0]", ["#/paths/~1files~1{file_id}/get/parameters/1"] },
        { "$..parameters[?@.default > 5]", ["#/paths/~1files~1{file_id}/get/parameters/1"] },
        { "$..parameters[?@.default == null]", ["#/paths/~1files~1{file_id}/get/parameters/2"] },
        { "$..parameters[?@.required == true]", ["#/paths/~1files~1{file_id}/get/parameters/0"] },
        { "$..parameters[?@.required]", ["#/paths/~1files~1{file_id}/get/parameters/0"] },
        { "$..parameters[?!@.required]", ["#/paths/~1files~1{file_id}/get/parameters/1", "#/paths/~1files~1{file_id}/get/parameters/2"] },
        { "$..parameters[?@.in == 'query' && @.name == 'order']", ["#/paths/~1files~1{file_id}/get/parameters/2"] },
        { "$..parameters[?@.name == 'file_id' || @.name == 'order']", ["#/paths/~1files~1{file_id}/get/parameters/0", "#/paths/~1files~1{file_id}/get/parameters/2"] },
        { "$..parameters[?(@.in == 'query') && !(@.default == 20)]", ["#/paths/~1files~1{file_id}/get/parameters/2"] },
        { "$.paths.*[?@.x-oai-traits]", ["#/paths/~1embeddings/post"] },
        { "$.paths.*[?@['x-oai-traits'][?@ == 'paged']]", ["#/paths/~1embeddings/post"] },
        { "$.paths[?@.get.operationId == $.paths['/files/{file_id}'].get.operationId]", ["#/paths/~1files~1{file_id}"] },
        { "$ ['paths'] [ '/embeddings' , 'none' ] ", ["#/paths/~1embeddings"] },
        { "$.nothing.here", [] },
        { "$.paths['/embeddings'].post.operationId.deeper", [] },
    };

    [Theory]
    [MemberData(nameof(Selections))]
    public void SelectsTheSameNodesFromEitherTree(string query, string[] expected)
    {
        var parsed = JsonPathParser.Parse(query);
        Assert.True(parsed.Query is not null, parsed.Error);
        Assert.Equal(expected, Pointers(parsed.Query!, YamlTree));
        Assert.Equal(expected, Pointers(parsed.Query!, JsonTree));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("paths.x", 0)]
    [InlineData("$.", 2)]
    [InlineData("$.1abc", 2)]
    [InlineData("$[", 2)]
    [InlineData("$['paths'", 9)]
    [InlineData("$['unclosed]", 2)]
    [InlineData("$[1:2]", 2)]
    [InlineData("$[:2]", 2)]
    [InlineData("$[?length(@.name) > 1]", 3)]
    [InlineData("$[?@.name = 'x']", 10)]
    [InlineData("$[?@..name == 'x']", 3)]
    [InlineData("$[?'x']", 3)]
    [InlineData("$[?@.name == ]", 13)]
    [InlineData("$[?(@.name == 'x']", 17)]
    [InlineData("$.paths x", 8)]
    [InlineData("$[99999999999]", 2)]
    [InlineData("$['\\q']", 3)]
    public void RejectsWhatItDoesNotReadWithAPosition(string query, int offset)
    {
        var parsed = JsonPathParser.Parse(query);

        Assert.Null(parsed.Query);
        Assert.False(string.IsNullOrEmpty(parsed.Error));
        Assert.Equal(offset, parsed.ErrorOffset);
    }

    [Fact]
    public void EveryPrefixOfAQueryParsesOrIsAnError()
    {
        const string Query = "$..paths[\"/a\"].*[?(@.in == 'query' && !@.required) || @['x-y'][-1] >= -1.5e2 || $.b != null][0, 'n']";

        for (var length = 0; length <= Query.Length; length++)
        {
            var parsed = JsonPathParser.Parse(Query.Substring(0, length));

            Assert.True(parsed.Query is not null || (parsed.Error is not null && parsed.ErrorOffset <= length), Query.Substring(0, length));
        }

        Assert.NotNull(JsonPathParser.Parse(Query).Query);
    }

    [Fact]
    public void DeepNestingIsAnErrorNotAStackOverflow()
    {
        var query = "$[?" + string.Concat(Enumerable.Repeat("(", 10_000)) + "@.a" + string.Concat(Enumerable.Repeat(")", 10_000)) + "]";

        var parsed = JsonPathParser.Parse(query);

        Assert.Null(parsed.Query);
        Assert.Contains("nested", parsed.Error);
    }

    [Fact]
    public void AQueryThatWouldRunForeverStopsAtItsBudget()
    {
        var wide = new JsonObject();
        for (var i = 0; i < 2_000; i++)
        {
            wide["m" + i] = new JsonObject { ["x"] = i };
        }

        var parsed = JsonPathParser.Parse("$..[?$..x]");
        Assert.NotNull(parsed.Query);

        Assert.Throws<JsonPathTooCostlyException>(() => parsed.Query!.Select(new JsonPathContext(wide, CancellationToken.None, budget: 1_000_000)));
    }

    private static string[] Pointers(JsonPathQuery query, JsonNode root)
        => query.Select(new JsonPathContext(root, CancellationToken.None)).Select(node => node.Pointer).ToArray();
}
