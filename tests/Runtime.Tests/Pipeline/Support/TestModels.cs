using System.Text.Json.Serialization;

namespace Tether.Runtime.Tests.Pipeline.Support;

internal sealed class Greeting
{
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("count")]
    public int Count { get; set; }
}

internal sealed class ChunkEvent
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("delta")]
    public string? Delta { get; set; }
}

/// <summary>Source-generated metadata: the runtime never uses reflection-based serialization, nor do its tests.</summary>
[JsonSerializable(typeof(Greeting))]
[JsonSerializable(typeof(ChunkEvent))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}
