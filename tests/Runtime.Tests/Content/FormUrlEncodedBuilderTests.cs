using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Xunit;

namespace Tether.Runtime.Tests.Content;

public sealed class FormUrlEncodedBuilderTests
{
    [Fact]
    public async Task Scalars_AreWrittenInvariant_AndNullsAddNothing()
    {
        using var culture = new CultureScope("de-DE");
        var body = new FormUrlEncodedBuilder()
            .Add("name", "Ada")
            .Add("count", 42L)
            .Add("ratio", 1.5)
            .Add("price", 10.25m)
            .Add("enabled", true)
            .Add("disabled", false)
            .Add("missing", (string?)null)
            .Add("missingNumber", (long?)null)
            .Add("missingFlag", (bool?)null);

        Assert.Equal("name=Ada&count=42&ratio=1.5&price=10.25&enabled=true&disabled=false", await TextOf(body));
    }

    [Fact]
    public async Task PercentEncoding_FollowsTheWhatwgFormRule()
    {
        var body = new FormUrlEncodedBuilder()
            .Add("a b", "x y+z&=%")
            .Add("keep", "*-._AZaz09")
            .Add("escape", "~!'()/?#:")
            .Add("utf8", "é€😀");

        Assert.Equal(
            "a+b=x+y%2Bz%26%3D%25&keep=*-._AZaz09&escape=%7E%21%27%28%29%2F%3F%23%3A&utf8=%C3%A9%E2%82%AC%F0%9F%98%80",
            await TextOf(body));
    }

    [Fact]
    public async Task BracketsInNames_ArePercentEncoded()
    {
        var body = new FormUrlEncodedBuilder().Add("metadata[key]", "v").AddEach("expand[]", ["a"]);

        Assert.Equal("metadata%5Bkey%5D=v&expand%5B%5D=a", await TextOf(body));
    }

    [Fact]
    public async Task ExplodedArray_RepeatsTheName_SkippingNullItems()
    {
        var body = new FormUrlEncodedBuilder().AddEach("a", ["1", null, "2"]).AddEach("none", null);

        Assert.Equal("a=1&a=2", await TextOf(body));
    }

    [Theory]
    [InlineData(',', "a=1%2C2%2C3")]
    [InlineData(' ', "a=1+2+3")]
    [InlineData('|', "a=1%7C2%7C3")]
    public async Task DelimitedArray_JoinsItems_AndEncodesTheDelimiter(char delimiter, string expected)
    {
        var body = new FormUrlEncodedBuilder().AddDelimited("a", ["1", "2", null, "3"], delimiter);

        Assert.Equal(expected, await TextOf(body));
    }

    [Fact]
    public async Task DelimitedArray_EmptyIsAnEmptyValue_NullIsNothing()
    {
        var body = new FormUrlEncodedBuilder().AddDelimited("empty", [], ',').AddDelimited("none", null, ',');

        Assert.Equal("empty=", await TextOf(body));
    }

    [Fact]
    public async Task FormExplodedObject_SendsEachMemberAsItsOwnPair()
    {
        var body = new FormUrlEncodedBuilder().AddMembers(Json("""{"R":100,"G":null,"B":"x y","tags":["a","b"]}"""));

        Assert.Equal("R=100&B=x+y&tags=a&tags=b", await TextOf(body));
    }

    [Fact]
    public async Task FormObjectNotExploded_AlternatesKeysAndValues()
    {
        var body = new FormUrlEncodedBuilder().AddObject("color", Json("""{"R":100,"G":null,"B":200}"""));

        Assert.Equal("color=R%2C100%2CB%2C200", await TextOf(body));
    }

    [Fact]
    public async Task DeepObject_NestsMembersInBrackets_AndLeavesNullsOut()
    {
        var body = new FormUrlEncodedBuilder()
            .AddDeepObject("metadata", Json("""{"order":"42","gone":null}"""))
            .AddDeepObject("a", Json("""{"b":{"c":"v","d":true,"e":1.25}}"""));

        Assert.Equal("metadata%5Border%5D=42&a%5Bb%5D%5Bc%5D=v&a%5Bb%5D%5Bd%5D=true&a%5Bb%5D%5Be%5D=1.25", await TextOf(body));
    }

    [Fact]
    public async Task DeepObject_ScalarArraysUseEmptyBrackets_ContainerArraysUseIndices()
    {
        var body = new FormUrlEncodedBuilder()
            .AddDeepObject("expand", Json("""["customer","invoice"]"""))
            .AddDeepObject("items", Json("""[{"price":"p1","quantity":2},{"price":"p2"}]"""));

        Assert.Equal(
            "expand%5B%5D=customer&expand%5B%5D=invoice&items%5B0%5D%5Bprice%5D=p1&items%5B0%5D%5Bquantity%5D=2&items%5B1%5D%5Bprice%5D=p2",
            await TextOf(body));
    }

    [Fact]
    public async Task DeepObject_LongNestedKeys_GrowTheKeyBuffer()
    {
        var segment = new string('k', 100);
        var body = new FormUrlEncodedBuilder().AddDeepObject("m", Json("{\"" + segment + "\":{\"" + segment + "\":\"v\"}}"));

        Assert.Equal("m%5B" + segment + "%5D%5B" + segment + "%5D=v", await TextOf(body));
    }

    [Fact]
    public async Task DeepObject_ScalarIsAPlainPair()
    {
        var body = new FormUrlEncodedBuilder().AddDeepObject("x", Json("\"v\"")).AddDeepObject("n", Json("null"));

        Assert.Equal("x=v", await TextOf(body));
    }

    [Fact]
    public async Task JsonField_IsTheValuesJsonText()
    {
        var body = new FormUrlEncodedBuilder()
            .AddJson("filter", new Dictionary<string, int> { ["a"] = 1 }, FormTestJson.Default.DictionaryStringInt32)
            .AddJson("none", (Dictionary<string, int>?)null, FormTestJson.Default.DictionaryStringInt32);

        Assert.Equal("filter=%7B%22a%22%3A1%7D", await TextOf(body));
    }

    [Fact]
    public async Task Build_SetsTheContentType_AndIsReplayable()
    {
        RequestContent content = new FormUrlEncodedBuilder().Add("a", "1").Build();

        Assert.True(content.IsReplayable);
        using var first = content.CreateHttpContent();
        using var second = content.CreateHttpContent();
        Assert.Equal("application/x-www-form-urlencoded", first.Headers.ContentType!.ToString());
        Assert.Equal(await first.ReadAsByteArrayAsync(), await second.ReadAsByteArrayAsync());
    }

    [Fact]
    public void Builder_IsClosedOnceBuilt()
    {
        var builder = new FormUrlEncodedBuilder();
        builder.Build();

        Assert.Throws<InvalidOperationException>(() => builder.Add("a", "1"));
        Assert.Throws<ArgumentException>(() => new FormUrlEncodedBuilder().Add("", "1"));
    }

    [Fact]
    public async Task LargeValues_AreEncodedWhole()
    {
        var value = string.Concat(Enumerable.Repeat("é ", 5000));
        var body = new FormUrlEncodedBuilder().Add("big", value);

        Assert.Equal("big=" + string.Concat(Enumerable.Repeat("%C3%A9+", 5000)), await TextOf(body));
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static async Task<string> TextOf(FormUrlEncodedBuilder builder)
    {
        using var content = builder.Build().CreateHttpContent();
        return Encoding.ASCII.GetString(await content.ReadAsByteArrayAsync());
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly System.Globalization.CultureInfo _previous = System.Globalization.CultureInfo.CurrentCulture;

        public CultureScope(string name) => System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(name);

        public void Dispose() => System.Globalization.CultureInfo.CurrentCulture = _previous;
    }
}

[JsonSerializable(typeof(Dictionary<string, int>))]
internal sealed partial class FormTestJson : JsonSerializerContext;
