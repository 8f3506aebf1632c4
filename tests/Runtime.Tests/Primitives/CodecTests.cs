using System.Text;
using System.Text.Json;
using Tether.Primitives;
using Xunit;

namespace Tether.Runtime.Tests.Primitives;

/// <summary>The runtime codecs the generated converters use for lists, maps and scalars, once here for every client.</summary>
public sealed class CodecTests
{
    [Fact]
    public void AList_RoundTrips_KeepingNullItemsWhereTheTypeHoldsThem()
    {
        var strings = Read<IList<string?>, ListCodec<string?, NullableReferenceCodec<string, StringCodec>>>("""["a",null,"c"]""");
        var declaredNonNull = Read<IList<string>, ListCodec<string, StringCodec>>("""["a",null]""");
        var numbers = Read<IList<int?>, ListCodec<int?, NullableCodec<int, Int32Codec>>>("[1,null,3]");

        Assert.Equal(["a", null, "c"], strings);
        Assert.Equal(["a", null!], declaredNonNull);
        Assert.Equal([1, null, 3], numbers);
        Assert.Equal("""["a",null,"c"]""", Write<IList<string?>, ListCodec<string?, NullableReferenceCodec<string, StringCodec>>>(strings!));
        Assert.Equal("[1,null,3]", Write<IList<int?>, ListCodec<int?, NullableCodec<int, Int32Codec>>>(numbers!));
    }

    [Theory]
    [InlineData("[1,\"two\",3]")]
    [InlineData("[1,null,3]")]
    [InlineData("[1,[2],3]")]
    public void AListWithAnItemThatDoesNotFit_IsNull_WithTheReaderBackOnItsStart(string json)
    {
        var reader = ReaderOn(json);

        var list = ListCodec<int, Int32Codec>.ReadValue(ref reader);

        Assert.Null(list);
        Assert.Equal(JsonTokenType.StartArray, reader.TokenType);
        Assert.Equal(0, reader.TokenStartIndex);
    }

    [Fact]
    public void ANestedListWithAnItemThatDoesNotFit_MakesTheOuterListNotFit()
    {
        var reader = ReaderOn("""{"m":[[1,2],[3,"x"]]}""");
        reader.Read();
        reader.Read();
        var outerStart = reader.TokenStartIndex;

        var matrix = ListCodec<IList<int>, ListCodec<int, Int32Codec>>.ReadValue(ref reader);

        Assert.Null(matrix);
        Assert.Equal(outerStart, reader.TokenStartIndex);
        Assert.Equal(JsonTokenType.StartArray, reader.TokenType);
    }

    [Fact]
    public void AMap_RoundTrips_ThroughTheInterfaceAndTheConcreteDictionary()
    {
        var map = Read<IDictionary<string, double>, MapCodec<double, DoubleCodec>>("""{"a":1.5,"b":2}""");

        Assert.Equal(new Dictionary<string, double> { ["a"] = 1.5, ["b"] = 2 }, map);
        Assert.Equal("""{"a":1.5,"b":2}""", Write<IDictionary<string, double>, MapCodec<double, DoubleCodec>>(map!));
        var sorted = new SortedDictionary<string, double> { ["b"] = 2, ["a"] = 1.5 };
        Assert.Equal("""{"a":1.5,"b":2}""", Write<IDictionary<string, double>, MapCodec<double, DoubleCodec>>(sorted));
    }

    [Fact]
    public void AMapWithAValueThatDoesNotFit_IsNull_AndOneOfNullsKeepsThem()
    {
        var reader = ReaderOn("""{"a":true,"b":1}""");

        Assert.Null(MapCodec<bool, BooleanCodec>.ReadValue(ref reader));
        Assert.Equal(JsonTokenType.StartObject, reader.TokenType);
        var withNull = Read<IDictionary<string, IList<string>?>, MapCodec<IList<string>?, ListCodec<string, StringCodec>>>("""{"a":null,"b":["x"]}""");
        Assert.Null(withNull!["a"]);
        Assert.Equal(["x"], withNull["b"]!);
    }

    [Fact]
    public void ACollectionCodec_OnTheWrongToken_Throws()
    {
        Assert.Throws<JsonException>(() =>
        {
            var reader = ReaderOn("{}");
            ListCodec<int, Int32Codec>.ReadValue(ref reader);
        });
        Assert.Throws<JsonException>(() =>
        {
            var reader = ReaderOn("[]");
            MapCodec<int, Int32Codec>.ReadValue(ref reader);
        });
    }

    [Fact]
    public void TheScalarCodecs_RoundTripTheirValues_AndSayWhichTokenTheyRead()
    {
        Assert.Equal("[true,false]", Write<IList<bool>, ListCodec<bool, BooleanCodec>>(Read<IList<bool>, ListCodec<bool, BooleanCodec>>("[true,false]")!));
        Assert.Equal("[9007199254740993]", Write<IList<long>, ListCodec<long, Int64Codec>>(Read<IList<long>, ListCodec<long, Int64Codec>>("[9007199254740993]")!));
        Assert.Equal("[0.25]", Write<IList<float>, ListCodec<float, SingleCodec>>(Read<IList<float>, ListCodec<float, SingleCodec>>("[0.25]")!));
        Assert.Equal("[\"AQID\"]", Write<IList<byte[]>, ListCodec<byte[], Base64Codec>>(Read<IList<byte[]>, ListCodec<byte[], Base64Codec>>("[\"AQID\"]")!));
        Assert.Equal("[1700000000,1.5]", Write<IList<DateTimeOffset>, ListCodec<DateTimeOffset, UnixTimeCodec>>(Read<IList<DateTimeOffset>, ListCodec<DateTimeOffset, UnixTimeCodec>>("[1700000000,1.5]")!));
        Assert.Equal("""[1,"a",null,{"b":[]}]""", Write<IList<JsonElement>, ListCodec<JsonElement, JsonElementCodec>>(Read<IList<JsonElement>, ListCodec<JsonElement, JsonElementCodec>>("""[1,"a",null,{"b":[]}]""")!));

        Assert.Equal(
            [JsonTokenType.String, JsonTokenType.True, JsonTokenType.Number, JsonTokenType.Number, JsonTokenType.Number, JsonTokenType.Number, JsonTokenType.String, JsonTokenType.Number, JsonTokenType.None, JsonTokenType.StartArray, JsonTokenType.StartObject],
            new[] { StringCodec.Kind, BooleanCodec.Kind, Int32Codec.Kind, Int64Codec.Kind, DoubleCodec.Kind, SingleCodec.Kind, Base64Codec.Kind, UnixTimeCodec.Kind, JsonElementCodec.Kind, ListCodec<int, Int32Codec>.Kind, MapCodec<int, Int32Codec>.Kind });
    }

    [Fact]
    public void TheConverter_ForwardsToTheCodec_AndAWholeListThatDoesNotFitIsAnError()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new JsonCodecConverter<IList<int>, ListCodec<int, Int32Codec>>());

        Assert.Equal([1, 2], JsonSerializer.Deserialize<IList<int>>("[1,2]", options));
        Assert.Equal("[3]", JsonSerializer.Serialize<IList<int>>([3], options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IList<int>>("[1,\"x\"]", options));
    }

    [Fact]
    public void MatchConstant_GivesThePosition_MinusOneForAnythingElse_AndMinusTwoForNull()
    {
        var table = new JsonNameTable("message", "function_call");
        var reader = ReaderOn("""["function_call","other",7,{"a":[1]},null,"message"]""");
        var found = new List<int>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            found.Add(table.MatchConstant(ref reader));
        }

        Assert.Equal([1, -1, -1, -1, -2, 0], found);
    }

    [Fact]
    public void VariantScore_OneMissingRequiredMember_OutweighsAnyPresentOnes_AndTiesKeepTheEarlier()
    {
        Assert.Equal(2, VariantScore.Required(seen: 0b0111, mask: 0b0011, count: 2));
        Assert.Equal(1 - 1000, VariantScore.Required(seen: 0b0001, mask: 0b0011, count: 2));
        Assert.True(VariantScore.Required(0b0001, 0b0001, 1) > VariantScore.Required(0xFFFF_FFFF, 0x1_FFFF_FFFF, 33));

        var best = 0;
        var bestScore = long.MinValue;
        VariantScore.Consider(ref best, ref bestScore, 1, 5);
        VariantScore.Consider(ref best, ref bestScore, 2, 5);
        VariantScore.Consider(ref best, ref bestScore, 3, 4);
        Assert.Equal((1, 5L), (best, bestScore));
        VariantScore.Consider(ref best, ref bestScore, 4, 6);
        Assert.Equal((4, 6L), (best, bestScore));
    }

    private static Utf8JsonReader ReaderOn(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }

    private static T? Read<T, TCodec>(string json)
        where TCodec : IJsonCodec<T>
    {
        var reader = ReaderOn(json);
        var value = TCodec.ReadValue(ref reader);
        Assert.False(reader.Read(), "the codec left the reader on the value's last token");
        return value;
    }

    private static string Write<T, TCodec>(T value)
        where TCodec : IJsonCodec<T>
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            TCodec.WriteValue(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
