using System.Text.Json;
using Xunit.Sdk;

namespace Tether.EndToEnd.Tests.Support;

/// <summary>Compares JSON documents by value (member order ignored, numbers by value), showing both on failure.</summary>
internal static class JsonAssert
{
    public static void Equal(string expected, string actual)
    {
        using var expectedDocument = JsonDocument.Parse(expected);
        using var actualDocument = JsonDocument.Parse(actual);
        if (!JsonElement.DeepEquals(expectedDocument.RootElement, actualDocument.RootElement))
        {
            throw new XunitException($"JSON differs.\nExpected: {expected}\nActual:   {actual}");
        }
    }
}
