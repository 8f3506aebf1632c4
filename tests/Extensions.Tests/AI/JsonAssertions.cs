using System.Text.Json.Nodes;
using Xunit;

namespace Tether.Extensions.Tests.AI;

/// <summary>Compares JSON by meaning (member order ignored), printing both sides when they differ.</summary>
internal static class JsonAssertions
{
    public static void Equal(string expected, JsonNode? actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(
            JsonNode.DeepEquals(expectedNode, actual),
            $"expected:\n{expectedNode?.ToJsonString()}\nactual:\n{actual?.ToJsonString()}");
    }
}
