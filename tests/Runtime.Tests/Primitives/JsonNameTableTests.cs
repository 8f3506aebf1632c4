using System.Buffers;
using System.Text;
using System.Text.Json;
using Tether.Primitives;
using Xunit;

namespace Tether.Runtime.Tests.Primitives;

public sealed class JsonNameTableTests
{
    // Names that share length and first, middle and last byte collide in the hash and must still be told apart.
    private static readonly string[] s_colliding = ["input_tokens", "image_tokens", "inpet_tokens", "i", "", "é", "ïd", "id"];

    [Fact]
    public void EveryListedName_IsFoundAtItsPosition()
    {
        var names = Enumerable.Range(0, 700).Select(i => "member_" + i.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Concat(s_colliding).ToArray();
        var table = new JsonNameTable(names);

        Assert.Equal(names.Length, table.Count);
        for (var index = 0; index < names.Length; index++)
        {
            Assert.Equal(index, table.Find(Encoding.UTF8.GetBytes(names[index])));
            Assert.Same(names[index], table[index]);
            Assert.Equal(JsonEncodedText.Encode(names[index]), table.Encoded(index));
        }
    }

    [Theory]
    [InlineData("input_token")]
    [InlineData("input_tokens_")]
    [InlineData("Input_tokens")]
    [InlineData("ids")]
    [InlineData("e")]
    [InlineData("input_tokenz")]
    public void AnUnlistedName_IsNotFound(string name)
    {
        var table = new JsonNameTable(s_colliding);

        Assert.Equal(-1, table.Find(Encoding.UTF8.GetBytes(name)));
    }

    [Fact]
    public void AnEmptyTable_FindsNothing()
    {
        Assert.Equal(-1, new JsonNameTable().Find("id"u8));
        Assert.Equal(-1, new JsonNameTable().Find(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void ARepeatedName_IsFoundAtItsFirstPosition()
    {
        var table = new JsonNameTable("a", "b", "a");

        Assert.Equal(0, table.Find("a"u8));
        Assert.Equal(3, table.Count);
    }

    [Fact]
    public void APropertyNameFromTheReader_IsFound_PlainOrEscaped()
    {
        var table = new JsonNameTable("id", "name", "self-harm/intent", "é");
        var json = """{"name":1,"na\u006De":2,"self-harm\/intent":3,"\u00e9":4,"other":5,"id":6}"""u8.ToArray();
        var reader = new Utf8JsonReader(json);
        var found = new List<int>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                found.Add(table.Find(ref reader));
            }
        }

        Assert.Equal([1, 1, 2, 3, -1, 0], found);
    }

    [Fact]
    public void AStringValue_SplitAcrossSegments_IsFound()
    {
        var table = new JsonNameTable("assistant", "user");
        var json = "\"assistant\""u8.ToArray();
        var sequence = Segments(json[..4], json[4..]);
        var reader = new Utf8JsonReader(sequence);
        reader.Read();

        Assert.True(reader.HasValueSequence);
        Assert.Equal(0, table.Find(ref reader));
    }

    [Fact]
    public void ALongEscapedName_IsFound_AndOneLongerThanAnyListed_IsNot()
    {
        var name = new string('x', 300);
        var table = new JsonNameTable(name);
        var escaped = Encoding.UTF8.GetBytes("{\"" + name.Replace("xx", "x\\u0078", StringComparison.Ordinal) + "\":1,\"" + name + "\\u0078\":2}");
        var reader = new Utf8JsonReader(escaped);
        var found = new List<int>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                Assert.True(reader.ValueIsEscaped);
                found.Add(table.Find(ref reader));
            }
        }

        Assert.Equal([0, -1], found);
    }

    [Fact]
    public void ReadString_GivesTheListedInstance_OrANewString_AndFindString_OnlyListedOnes()
    {
        var table = new JsonNameTable("user", "assistant");
        var reader = new Utf8JsonReader("""["assistant","tool",1]"""u8);
        reader.Read();
        reader.Read();

        Assert.Same(table[1], table.ReadString(ref reader));
        Assert.Same(table[1], table.FindString(ref reader));
        reader.Read();
        Assert.Equal("tool", table.ReadString(ref reader));
        Assert.Null(table.FindString(ref reader));
        reader.Read();
        Assert.Null(table.FindString(ref reader));
        try
        {
            table.ReadString(ref reader);
            Assert.Fail("a number read as a string");
        }
        catch (JsonException error)
        {
            Assert.Contains("a string", error.Message, StringComparison.Ordinal);
        }
    }

    private static ReadOnlySequence<byte> Segments(byte[] first, byte[] second)
    {
        var head = new Segment(first, 0);
        var tail = new Segment(second, first.Length);
        head.SetNext(tail);
        return new ReadOnlySequence<byte>(head, 0, tail, second.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void SetNext(Segment next) => Next = next;
    }
}
