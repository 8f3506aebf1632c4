using System.Text;
using System.Text.Json;
using Tether.Primitives;
using Xunit;

namespace Tether.Runtime.Tests.Primitives;

/// <summary>
/// The loop, the tolerant reading and the required-member check every generated object shares, driven here through
/// hand-written member tables of the shape the generator writes (see the object snapshots in Generator.Tests).
/// </summary>
public sealed class JsonObjectCodecTests
{
    [Fact]
    public void AnObject_RoundTrips_InDeclaredOrder_WithItsUnknownMembersAfter()
    {
        const string json = """{"zeta":{"x":1},"count":3,"name":"n","tags":["a","b"],"note":null,"object":"thing"}""";

        var thing = Read(json);

        Assert.Equal(("n", 3, "thing"), (thing.Name, thing.Count, thing.Object));
        Assert.Equal(["a", "b"], thing.Tags!);
        Assert.True(thing.NoteIsSet);
        Assert.Null(thing.Note);
        Assert.Equal(1, thing.Members!["zeta"].GetProperty("x").GetInt32());
        Assert.Equal("""{"name":"n","count":3,"tags":["a","b"],"note":null,"object":"thing","zeta":{"x":1}}""", Write(thing));
    }

    [Fact]
    public void AbsentMembers_StayAbsent_AndAreLeftOutWhenWritten()
    {
        var thing = Read("""{"name":"n","count":1}""");

        Assert.False(thing.NoteIsSet);
        Assert.Null(thing.Tags);
        Assert.Equal("""{"name":"n","count":1}""", Write(thing));
    }

    [Fact]
    public void AConstantMember_ReadsAsTheLiteralItself()
    {
        var thing = Read("""{"name":"n","count":1,"object":"thing"}""");
        var other = Read("""{"name":"n","count":1,"object":"another"}""");

        Assert.Same(ThingCodec.ObjectConstant, thing.Object);
        Assert.Equal("another", other.Object);
    }

    [Fact]
    public void AValueOfAnotherKind_IsKeptRaw_AndTheMemberLeftUnset()
    {
        var thing = Read("""{"name":7,"count":"three","note":5,"tags":"x"}""");

        Assert.Null(thing.Name);
        Assert.Null(thing.Count);
        Assert.False(thing.NoteIsSet);
        Assert.Null(thing.Tags);
        Assert.Equal(7, thing.Members!["name"].GetInt32());
        Assert.Equal("three", thing.Members["count"].GetString());
        Assert.Equal(
            ["name: not a string", "count: not a number", "note: not a string", "tags: not an array"],
            thing.Members.GetMismatches().Select(mismatch => mismatch.ToString()));
        Assert.Equal("""{"name":7,"count":"three","note":5,"tags":"x"}""", Write(thing));
    }

    [Fact]
    public void ANullTheSchemaDoesNotAllow_IsKeptRaw()
    {
        var thing = Read("""{"name":null,"count":1}""");

        Assert.Null(thing.Name);
        Assert.Equal(JsonValueKind.Null, thing.Members!["name"].ValueKind);
        Assert.Equal("name: null", Assert.Single(thing.Members.GetMismatches()).ToString());
        Assert.Equal("""{"count":1,"name":null}""", Write(thing));
    }

    [Fact]
    public void AListWithAnItemOfAnotherKind_IsKeptRawAsAWhole()
    {
        var thing = Read("""{"name":"n","count":1,"tags":["a",2]}""");

        Assert.Null(thing.Tags);
        Assert.Equal(2, thing.Members!["tags"].GetArrayLength());
        Assert.Equal("tags: not an array of the declared items", Assert.Single(thing.Members.GetMismatches()).ToString());
    }

    [Fact]
    public void AbsentRequiredMembers_AreNoted_PresentOnesAreNot()
    {
        var thing = Read("""{"tags":[]}""");
        var complete = Read("""{"name":"n","count":1}""");

        Assert.Equal(["name: missing", "count: missing"], thing.Members!.GetMismatches().Select(mismatch => mismatch.ToString()));
        Assert.Null(complete.Members);
    }

    [Fact]
    public void ARequiredMemberOfAnotherKind_IsNotedOnce()
    {
        var thing = Read("""{"name":"n","count":"x"}""");

        Assert.Equal("count: not a number", Assert.Single(thing.Members!.GetMismatches()).ToString());
    }

    [Theory]
    [InlineData("{}", new[] { "m0: missing", "m66: missing" })]
    [InlineData("""{"m66":"x"}""", new[] { "m0: missing" })]
    [InlineData("""{"m66":5,"m0":"y"}""", new[] { "m66: not a string" })]
    public void RequiredMembersPastTheSixtyFourth_AreNotedToo(string json, string[] expected)
    {
        var reader = ReaderOn(json);
        var wide = JsonCodec.Read<Wide, WideCodec>(ref reader);

        Assert.Equal(expected, wide.Members?.GetMismatches().Select(mismatch => mismatch.ToString()) ?? []);
    }

    [Fact]
    public void AnObjectWithTypedAdditionalMembers_ReadsThemAsDeclared_AndFailsOnAValueOfAnotherKind()
    {
        var reader = ReaderOn("""{"label":"a","x":1,"y":2}""");
        var scores = JsonCodec.Read<Scores, ScoresCodec>(ref reader);

        Assert.Equal("a", scores.Label);
        Assert.Equal(new Dictionary<string, int> { ["x"] = 1, ["y"] = 2 }, scores.Extra);
        Assert.Equal("""{"label":"a","x":1,"y":2}""", WriteWith<Scores, ScoresCodec>(scores));

        var error = Assert.Throws<JsonException>(() =>
        {
            var bad = ReaderOn("""{"label":3}""");
            JsonCodec.Read<Scores, ScoresCodec>(ref bad);
        });
        Assert.Contains("Expected a string but found Number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailure_LeavesTheCallersReaderWhereItHappened()
    {
        const string json = """{"label":"a","x":"not a number"}""";
        var reader = ReaderOn(json);

        try
        {
            JsonCodec.Read<Scores, ScoresCodec>(ref reader);
            Assert.Fail("an item of another kind in a typed bag must fail");
        }
        catch (InvalidOperationException)
        {
            Assert.Equal(JsonTokenType.String, reader.TokenType);
            Assert.Equal(json.IndexOf("\"not", StringComparison.Ordinal), reader.TokenStartIndex);
        }
    }

    [Fact]
    public void AValueThatIsNotAnObject_Fails()
    {
        var error = Assert.Throws<JsonException>(() => Read("[1]"));

        Assert.Contains("Expected an object but found StartArray", error.Message, StringComparison.Ordinal);
    }

    private static Thing Read(string json)
    {
        var reader = ReaderOn(json);
        var thing = JsonCodec.Read<Thing, ThingCodec>(ref reader);
        Assert.False(reader.Read(), "the codec left the reader on the object's last token");
        return thing;
    }

    private static string Write(Thing thing) => WriteWith<Thing, ThingCodec>(thing);

    private static string WriteWith<T, TCodec>(T value)
        where TCodec : IJsonCodec<T>
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            JsonCodec.Write<T, TCodec>(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Utf8JsonReader ReaderOn(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }

    private sealed class Thing
    {
        public string? Name { get; set; }

        public int? Count { get; set; }

        public IList<string>? Tags { get; set; }

        public string? Note;

        public bool NoteIsSet;

        public string? Object { get; set; }

        public IDictionary<string, JsonElement>? Members;
    }

    // As the generator writes it: required name and count, a member that may be null, a constant.
    private readonly struct ThingCodec : IJsonObjectCodec<Thing, ThingCodec>
    {
        public const string ObjectConstant = "thing";

        public static JsonNameTable Names { get; } = new("name", "count", "tags", "note", "object");

        public static object Create() => new Thing();

        public static ref IDictionary<string, JsonElement>? UnknownMembers(object value) => ref ((Thing)value).Members;

        public static void Member(ref JsonMembers json, object instance, int index)
        {
            var value = (Thing)instance;
            switch (index)
            {
                case 0: value.Name = json.Value<string, StringCodec>(value.Name, required: true); return;
                case 1: value.Count = json.Struct<int, Int32Codec>(value.Count, required: true); return;
                case 2: value.Tags = json.Value<IList<string>, ListCodec<string, StringCodec>>(value.Tags); return;
                case 3: value.Note = json.Value<string, StringCodec>(value.Note, ref value.NoteIsSet); return;
                case 4: value.Object = json.Constant(value.Object, ObjectConstant, "thing"u8); return;
            }
        }
    }

    private sealed class Wide
    {
        public string? First { get; set; }

        public string? SixtySeventh { get; set; }

        public IDictionary<string, JsonElement>? Members;
    }

    // Seventy members, of which the first and the sixty-seventh are required: one inside the mask of the first 64, one
    // past it.
    private readonly struct WideCodec : IJsonObjectCodec<Wide, WideCodec>
    {
        public static JsonNameTable Names { get; } = new(Enumerable.Range(0, 70).Select(index => "m" + index).ToArray());

        public static object Create() => new Wide();

        public static ref IDictionary<string, JsonElement>? UnknownMembers(object value) => ref ((Wide)value).Members;

        public static void Member(ref JsonMembers json, object instance, int index)
        {
            var value = (Wide)instance;
            switch (index)
            {
                case 0: value.First = json.Value<string, StringCodec>(value.First, required: true); return;
                case 66: value.SixtySeventh = json.Value<string, StringCodec>(value.SixtySeventh, required: true); return;
            }
        }
    }

    private sealed class Scores
    {
        public string? Label { get; set; }

        public IDictionary<string, int>? Extra;
    }

    // additionalProperties with a schema: typed unknown members, read strictly.
    private readonly struct ScoresCodec : IJsonObjectCodec<Scores, ScoresCodec>
    {
        public static JsonNameTable Names { get; } = new("label");

        public static object Create() => new Scores();

        public static void Member(ref JsonMembers json, object instance, int index)
        {
            var value = (Scores)instance;
            switch (index)
            {
                case 0: value.Label = json.Value<string, StringCodec>(value.Label); return;
            }
        }

        public static void ReadUnknownMember(ref Utf8JsonReader reader, object instance)
        {
            var value = (Scores)instance;
            var key = reader.GetString()!;
            reader.Read();
            (value.Extra ??= new Dictionary<string, int>())[key] = reader.GetInt32();
        }

        public static void WriteUnknownMembers(Utf8JsonWriter writer, object instance)
        {
            foreach (var pair in ((Scores)instance).Extra ?? new Dictionary<string, int>())
            {
                writer.WriteNumber(pair.Key, pair.Value);
            }
        }
    }
}
