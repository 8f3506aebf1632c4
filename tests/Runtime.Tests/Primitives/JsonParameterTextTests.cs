using System.Text.Json;
using Tether.Primitives;
using Xunit;

namespace Tether.Runtime.Tests.Primitives;

public sealed class JsonParameterTextTests
{
    [Theory]
    [InlineData("\"plain text\"", "plain text")]
    [InlineData("\"quote \\\" and é\"", "quote \" and é")]
    [InlineData("42", "42")]
    [InlineData("true", "true")]
    [InlineData("{\"a\":[1,2]}", "{\"a\":[1,2]}")]
    public void AStringLosesItsQuotes_AnythingElseStaysJson(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(expected, JsonParameterText.Text(document.RootElement));
    }

    [Fact]
    public void DeepObjectPairs_KeepTheObjectsOrder_AndLeaveNullsOut()
    {
        using var document = JsonDocument.Parse("""{"b":"two","a":1,"gone":null,"nested":{"x":1}}""");
        Assert.Equal(
            new KeyValuePair<string, string?>[] { new("b", "two"), new("a", "1"), new("nested", "{\"x\":1}") },
            JsonParameterText.DeepObjectPairs(document.RootElement));
    }

    [Fact]
    public void DeepObjectPairs_OfANonObject_AreNone()
    {
        using var document = JsonDocument.Parse("[1,2]");
        Assert.Empty(JsonParameterText.DeepObjectPairs(document.RootElement));
    }
}
