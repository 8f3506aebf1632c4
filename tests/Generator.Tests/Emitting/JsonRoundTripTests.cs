using System.Buffers;
using System.Text;
using System.Text.Json;
using Tether.Generator.Tests.Support;
using Xunit;
using static Tether.Generator.Tests.Emitting.GeneratedModels;

namespace Tether.Generator.Tests.Emitting;

/// <summary>
/// The generated converters, run: JSON → model → JSON must lose nothing (unknown members, unknown enum values,
/// unknown union shapes, explicit nulls), add nothing (unset optional members stay absent), and pick the right union
/// variant.
/// </summary>
public sealed class JsonRoundTripTests(GeneratedModels models) : IClassFixture<GeneratedModels>
{
    private const string FullMessage = """
        {
          "role": "assistant", "reviewer": null, "content": "Hi \u00e9 \"there\"", "name": "bot", "object": "chat.message", "kind": "message",
          "temperature": 0.25, "count": 3, "total_tokens": 9007199254740993, "ratio": 0.5, "flagged": false,
          "self-harm/intent": true, "api_key.created": 12, "tags": ["a", null, "c"], "metadata": {"k": "v"},
          "extra": {"nested": [1, {"x": null}]}, "data": "AAEC/w==", "day": "2024-10-01"
        }
        """;

    [Fact]
    public void EveryDeclaredPropertyRoundTrips()
    {
        var message = models.AssertRoundTrips(FullMessage, "ChatMessage");

        Assert.Equal("assistant", Get(message, "Role")!.ToString());
        Assert.Equal(9007199254740993L, Get(message, "TotalTokens"));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, Get(message, "Data"));
        Assert.Equal(true, Get(message, "SelfHarmIntent"));
    }

    [Fact]
    public void UnknownMembersSurviveTheRoundTrip()
    {
        const string json = """
            {"role": "user", "content": "x", "object": "chat.message", "count": 1,
             "future_field": {"a": [1, 2, {"b": "c"}]}, "another": null, "number": 1.5e300}
            """;

        var message = models.AssertRoundTrips(json, "ChatMessage");

        var bag = (IDictionary<string, JsonElement>)Get(message, "AdditionalProperties")!;
        Assert.Equal(["future_field", "another", "number"], bag.Keys);
    }

    [Fact]
    public void UnsetOptionalPropertiesAreAbsentAndConstantsDefault()
    {
        var message = models.Create("ChatMessage");
        Set(message, "Role", models.Static("Role", "User"));
        Set(message, "Content", "hello");
        Set(message, "Count", 2);

        JsonSemantic.AssertEqual(
            """{"role": "user", "content": "hello", "object": "chat.message", "kind": "message", "count": 2}""",
            models.Serialize(message));
    }

    [Fact]
    public void ExplicitNullIsWrittenOnlyWhenSet()
    {
        var message = models.Create("ChatMessage");
        Set(message, "Role", models.Static("Role", "User"));
        Set(message, "Content", null);
        Set(message, "Count", 0);
        Set(message, "Name", null);
        Set(message, "Kind", null);

        // content and temperature allow null and were set to null: written. name does not allow null: absent.
        Set(message, "Temperature", null);
        JsonSemantic.AssertEqual(
            """{"role": "user", "content": null, "object": "chat.message", "temperature": null, "count": 0}""",
            models.Serialize(message));
    }

    [Fact]
    public void DeserializedNullsAndAbsencesAreKeptApart()
    {
        const string withNull = """{"role": "user", "reviewer": null, "content": null, "object": "chat.message", "count": 1, "temperature": null}""";
        const string withoutTemperature = """{"role": "user", "reviewer": "system", "content": "x", "object": "chat.message", "count": 1}""";

        models.AssertRoundTrips(withNull, "ChatMessage");
        var absent = models.AssertRoundTrips(withoutTemperature, "ChatMessage");
        Assert.Null(Get(absent, "Temperature"));
    }

    [Fact]
    public void AbsentConstantsAndRequiredValuesStayAbsent()
    {
        // A response missing members the schema calls required (or constant) is written back as it came.
        models.AssertRoundTrips("""{"role": "user"}""", "ChatMessage");
        models.AssertRoundTrips("{}", "ChatMessage");
    }

    [Fact]
    public void NullForAPropertyThatDoesNotAllowNullIsKeptAsIs()
    {
        var message = models.AssertRoundTrips("""{"name": null, "count": 1, "tags": null}""", "ChatMessage");

        Assert.Null(Get(message, "Name"));
    }

    [Fact]
    public void EscapedAndSplitPropertyNamesAreRecognised()
    {
        const string json = """{"\u0072ole": "assist\u0061nt", "c\u006Fntent": "x", "count": 1}""";

        var message = models.Deserialize(json, "ChatMessage");

        Assert.Equal("assistant", Get(message, "Role")!.ToString());
        Assert.Equal("x", Get(message, "Content"));
        Assert.Empty((IDictionary<string, JsonElement>)Get(message, "AdditionalProperties")!);
    }

    [Fact]
    public void ReadingFromManySmallBuffersGivesTheSameModel()
    {
        var bytes = Encoding.UTF8.GetBytes(FullMessage);
        var reader = new Utf8JsonReader(SplitIntoSegments(bytes, 3));

        var message = JsonSerializer.Deserialize(ref reader, models.Model("ChatMessage"), models.Options)!;

        JsonSemantic.AssertEqual(FullMessage, models.Serialize(message));
    }

    [Fact]
    public async Task StreamingDeserializationWithATinyBufferPicksTheSameVariants()
    {
        var options = new JsonSerializerOptions(models.Options) { DefaultBufferSize = 1 };
        const string json = """[{"type": "message", "content": "x", "role": "assistant", "id": "1", "status": "done"}, {"type": "function_call", "name": "f", "arguments": "{}"}]""";

        // A list of a generated type is not generated; read the items one by one from the array instead.
        using var document = JsonDocument.Parse(json);
        var results = new List<object>();
        foreach (var element in document.RootElement.EnumerateArray())
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(element.GetRawText()));
            results.Add((await JsonSerializer.DeserializeAsync(stream, models.Model("Item"), options))!);
        }

        Assert.True((bool)Get(results[0], "IsOutputMessage")!);
        Assert.True((bool)Get(results[1], "IsFunctionCall")!);
    }

    [Fact]
    public void UnknownEnumValuesRoundTripAndKnownOnesEqualTheirMember()
    {
        var unknown = models.AssertRoundTrips("\"gpt-9-turbo\"", "ModelId");
        var known = models.Deserialize("\"gpt-4.1-2025-04-14\"", "ModelId");

        Assert.Equal("gpt-9-turbo", unknown.ToString());
        Assert.Equal(models.Static("ModelId", "Gpt4_1_2025_04_14"), known);
        Assert.NotEqual(models.Static("ModelId", "Auto"), models.Deserialize("\"AUTO\"", "ModelId"));
        Assert.Equal(models.Static("ModelId", "Quote"), models.Deserialize("\"say \\\"hi\\\"\\\\now\"", "ModelId"));
        Assert.Equal(models.Static("ModelId", "Accent"), models.Deserialize("\"caf\\u00e9\"", "ModelId"));
        Assert.Equal(models.Static("ModelId", "Abba"), models.Deserialize("\"abba\"", "ModelId"));
    }

    [Theory]
    [InlineData("""{"type": "message", "role": "assistant", "content": "x", "id": "1", "status": "done"}""", "IsOutputMessage")]
    [InlineData("""{"role": "assistant", "content": "x", "type": "message"}""", "IsOutputMessage")]
    [InlineData("""{"type": "message", "role": "user", "content": "x"}""", "IsInputMessage")]
    [InlineData("""{"content": "x", "type": "message", "role": "developer"}""", "IsInputMessage")]
    [InlineData("""{"type": "message", "content": "x"}""", "IsInputMessage")]
    [InlineData("""{"role": "user", "content": "no type at all"}""", "IsInputMessage")]
    [InlineData("""{"type": "function_call", "name": "f", "arguments": "{}"}""", "IsFunctionCall")]
    [InlineData("""{"arguments": "{}", "name": "f", "type": "function_call", "extra": [1]}""", "IsFunctionCall")]
    [InlineData("""{"type": "\u006dessage", "role": "assist\u0061nt", "content": "x"}""", "IsOutputMessage")]
    public void DiscriminatorAndOtherConstantsPickTheVariant(string json, string expected)
    {
        var item = models.AssertRoundTrips(json, "Item");

        Assert.True((bool)Get(item, expected)!, $"{json} should be {expected[2..]}");
    }

    [Theory]
    [InlineData("""{"type": "reasoning", "summary": []}""")]
    [InlineData("""{"type": "message", "role": "tool", "content": "x"}""")]
    [InlineData("\"just a string\"")]
    [InlineData("[1, 2]")]
    [InlineData("42")]
    public void UnrecognizedUnionPayloadsAreKeptRaw(string json)
    {
        var item = models.AssertRoundTrips(json, "Item");

        Assert.True((bool)Get(item, "IsUnrecognized")!);
    }

    [Fact]
    public void StringOrArrayContentReadsBothShapes()
    {
        var text = models.AssertRoundTrips("\"hello\"", "MessageContent");
        var parts = models.AssertRoundTrips("""[{"type": "text", "text": "hi"}, {"type": "image_url", "image_url": "u"}, {"type": "video"}]""", "MessageContent");

        Assert.Equal("hello", Call(text, "AsText"));
        var list = (System.Collections.IList)Call(parts, "AsParts")!;
        Assert.True((bool)Get(list[0]!, "IsText")!);
        Assert.True((bool)Get(list[1]!, "IsImage")!);
        Assert.True((bool)Get(list[2]!, "IsUnrecognized")!);
    }

    [Theory]
    [InlineData("\"a\"", "IsText")]
    [InlineData("""["a", "b"]""", "IsTexts")]
    [InlineData("[1, 2]", "IsTokens")]
    [InlineData("[[1], [2, 3]]", "IsTokenBatches")]
    [InlineData("[]", "IsTexts")]
    public void ArrayShapesAreToldApartByTheirFirstItem(string json, string expected)
    {
        var prompt = models.AssertRoundTrips(json, "Prompt");

        Assert.True((bool)Get(prompt, expected)!);
    }

    [Theory]
    [InlineData("\"auto\"", "Beta", "IsMode")]
    [InlineData("\"manual\"", "Beta", "IsMode")]
    [InlineData("0.5", "Beta", "IsNumber")]
    [InlineData("3", "Setting", "IsCount")]
    [InlineData("3000000000", "Setting", "IsFraction")]
    [InlineData("2.5", "Setting", "IsFraction")]
    [InlineData("true", "Setting", "IsEnabled")]
    [InlineData("\"x\"", "Setting", "IsLabel")]
    [InlineData("""{"any": ["thing"]}""", "Setting", "IsOther")]
    public void ScalarUnionsPickByTokenAndRange(string json, string union, string expected)
    {
        var value = models.AssertRoundTrips(json, union);

        Assert.True((bool)Get(value, expected)!);
    }

    [Fact]
    public void UnionFactoriesConversionsAndAccessorsAgree()
    {
        var fromFactory = models.Static("Setting", "FromCount", 7)!;
        var conversion = models.Model("Setting").GetMethod("op_Implicit", [typeof(bool)])!;
        var fromConversion = conversion.Invoke(null, [true])!;

        Assert.Equal("7", models.Serialize(fromFactory));
        Assert.Equal("true", models.Serialize(fromConversion));
        Assert.Equal(7, Get(fromFactory, "Value"));
        var wrong = Assert.Throws<System.Reflection.TargetInvocationException>(() => Call(fromFactory, "AsLabel"));
        Assert.IsType<InvalidOperationException>(wrong.InnerException);
        Assert.Contains("holds Count, not Label", wrong.InnerException!.Message);
    }

    [Fact]
    public void UnixTimesMapsAndNestedArraysRoundTrip()
    {
        const string json = """
            {"created_at": 1700000000, "completed_at": 1700000000.25, "matrix": [[1, 2], [], [3]],
             "scores": {"a": 0.5, "b": 1}, "groups": {"g": [{"owner": "me", "team": "x"}]},
             "optional_numbers": [1, null, 3]}
            """;

        var batch = models.AssertRoundTrips(json, "Batch");

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), Get(batch, "CreatedAt"));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000250), Get(batch, "CompletedAt"));
    }

    [Fact]
    public void TypedAdditionalPropertiesAreReadAsTheirType()
    {
        var labels = models.AssertRoundTrips("""{"owner": "me", "team": "core", "tier": "gold"}""", "Labels");

        var extra = (IDictionary<string, string>)Get(labels, "AdditionalProperties")!;
        Assert.Equal("core", extra["team"]);
    }

    [Fact]
    public void APropertyNamedLikeTheBagMovesTheBagAside()
    {
        var bag = models.AssertRoundTrips("""{"additionalProperties": true, "other": 1}""", "Bag");

        Assert.Equal(true, Get(bag, "AdditionalProperties"));
        Assert.Single((IDictionary<string, JsonElement>)Get(bag, "AdditionalProperties2")!);
    }

    [Fact]
    public void MalformedInputFailsWithJsonException()
    {
        // A member of the wrong kind is tolerated (TolerantReadingTests); a body that is not the root type is not.
        Assert.ThrowsAny<JsonException>(() => models.Deserialize("[]", "ChatMessage"));
        Assert.ThrowsAny<JsonException>(() => models.Deserialize("""{"count": 1""", "ChatMessage"));
    }

    [Fact]
    public void TypeInfoIsAvailableForEveryGeneratedTypeAndScalars()
    {
        foreach (var name in DemoModels.All.Select(type => type.Name))
        {
            Assert.NotNull(models.Options.GetTypeInfo(models.Model(name)));
        }

        Assert.Equal("\"x\"", JsonSerializer.Serialize("x", models.Options));
        Assert.True(models.Options.IsReadOnly);
    }

    private static ReadOnlySequence<byte> SplitIntoSegments(byte[] bytes, int size)
    {
        Segment? first = null;
        Segment? last = null;
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var segment = new Segment(bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset)), last);
            first ??= segment;
            last = segment;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, Segment? previous)
        {
            Memory = memory;
            if (previous is not null)
            {
                RunningIndex = previous.RunningIndex + previous.Memory.Length;
                previous.Next = this;
            }
        }
    }
}
