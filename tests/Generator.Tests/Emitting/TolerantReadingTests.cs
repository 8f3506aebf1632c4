using System.Text.Json;
using Tether.Generator.Tests.Support;
using Tether.Primitives;
using Xunit;
using static Tether.Generator.Tests.Emitting.GeneratedModels;

namespace Tether.Generator.Tests.Emitting;

/// <summary>
/// The generated converters, given members of another JSON kind than declared: the property stays unset, the raw
/// value is kept in the bag and written back (the JSON round-trips by meaning), and the object lists what it tolerated
/// — at the top level, in nested objects, in lists, in maps and in union variants.
/// </summary>
public sealed class TolerantReadingTests(GeneratedModels models) : IClassFixture<GeneratedModels>
{
    private const string Valid = """ "role": "user", "content": "x", "object": "chat.message", "count": 1 """;

    [Theory]
    [InlineData("count", "Count", "\"three\"", 0)]            // string for an int
    [InlineData("name", "Name", "5", null)]                   // number for a string
    [InlineData("self-harm/intent", "SelfHarmIntent", "{\"a\": 1}", null)] // object for a boolean
    [InlineData("total_tokens", "TotalTokens", "[1]", null)]  // array for a number
    [InlineData("day", "Day", "true", null)]                  // boolean for a string
    [InlineData("tags", "Tags", "\"a\"", null)]               // string for an array
    [InlineData("metadata", "Metadata", "3", null)]           // number for a (nullable) map
    [InlineData("temperature", "Temperature", "\"warm\"", null)] // string for a nullable number
    [InlineData("flagged", "Flagged", "\"no\"", null)]        // string for a nullable boolean
    [InlineData("role", "Role", "5", null)]                   // number for an enum
    [InlineData("data", "Data", "[0, 1]", null)]              // array for base64
    public void AMemberOfTheWrongKind_IsKeptRaw_AndWrittenBack(string jsonName, string property, string value, object? unset)
    {
        var others = Valid.Replace("\"" + jsonName + "\": ", "\"ignored_" + jsonName + "\": ", StringComparison.Ordinal);
        var json = "{" + others + ", \"" + jsonName + "\": " + value + "}";

        var message = models.AssertRoundTrips(json, "ChatMessage");

        var actual = Get(message, property);
        if (unset is null)
        {
            Assert.True(actual is null || actual.GetType().IsValueType, property + " was set from " + value);
        }
        else
        {
            Assert.Equal(unset, actual);
        }

        JsonSemantic.AssertEqual(value, Bag(message)[jsonName].GetRawText());
        Assert.Equal([jsonName + ": WrongKind"], Mismatches(message));
    }

    [Fact]
    public void ANullTheSchemaDoesNotAllow_IsListedAsNull()
    {
        var message = models.AssertRoundTrips("{" + Valid + ", \"name\": null}", "ChatMessage");

        Assert.Null(Get(message, "Name"));
        Assert.Equal(["name: Null"], Mismatches(message));
    }

    [Fact]
    public void AbsentRequiredMembers_StayUnset_AndAreListedAsMissing()
    {
        var message = models.AssertRoundTrips("""{"content": "x", "name": 7}""", "ChatMessage");

        Assert.Equal(["name: WrongKind", "role: Missing", "object: Missing", "count: Missing"], Mismatches(message));
        Assert.DoesNotContain("role", Bag(message).Keys);
    }

    [Fact]
    public void AResponseAsDeclared_RecordsNothing_AndKeepsAPlainBag()
    {
        var message = models.AssertRoundTrips("{" + Valid + ", \"future\": 1}", "ChatMessage");

        Assert.Empty(Mismatches(message));
        Assert.IsNotType<TolerantMembers>(Bag(message));
    }

    [Fact]
    public void UnknownMembersReadBeforeAMismatch_StayInTheBag_InOrder()
    {
        var message = models.AssertRoundTrips("{" + Valid + ", \"future\": 1, \"name\": 2, \"later\": 3}", "ChatMessage");

        Assert.Equal(["future", "name", "later"], Bag(message).Keys);
    }

    [Fact]
    public void ANestedObject_RecordsItsOwnMismatches()
    {
        var holder = models.AssertRoundTrips("""{"legacy": {"value": 42}}""", "Holder");

        var legacy = Get(holder, "Legacy")!;
        Assert.Empty(Mismatches(holder));
        Assert.Equal(["value: WrongKind"], Mismatches(legacy));
    }

    [Fact]
    public void ANestedObjectOfTheWrongKind_IsKeptByItsOwner()
    {
        var holder = models.AssertRoundTrips("""{"legacy": "gone"}""", "Holder");

        Assert.Null(Get(holder, "Legacy"));
        Assert.Equal(["legacy: WrongKind"], Mismatches(holder));
    }

    [Theory]
    [InlineData("matrix", "[[1, 2], [3, \"x\"]]")]           // an item of an inner list
    [InlineData("matrix", "[[1], 2]")]                       // a number where a list is declared
    [InlineData("optional_numbers", "[1, null, \"x\"]")]     // a string among nullable numbers
    [InlineData("scores", "{\"a\": 1.5, \"b\": \"high\"}")]  // a map value
    [InlineData("groups", "{\"g\": [{\"owner\": \"o\"}, 7]}")] // a list item of a map value
    public void ACollectionWithAnItemOfTheWrongKind_IsKeptRawAsAWhole(string jsonName, string value)
    {
        var json = "{\"created_at\": 1700000000, \"" + jsonName + "\": " + value + "}";

        var batch = models.AssertRoundTrips(json, "Batch");

        JsonSemantic.AssertEqual(value, Bag(batch)[jsonName].GetRawText());
        Assert.Equal([jsonName + ": WrongKind"], Mismatches(batch));
    }

    [Fact]
    public void AnObjectWithTypedAdditionalProperties_ReadsAsDeclaredOrFails()
    {
        // Its bag holds strings, not raw JSON: there is nowhere to keep a value of the wrong kind.
        Assert.ThrowsAny<JsonException>(() => models.Deserialize("""{"owner": 5}""", "Labels"));
    }

    [Fact]
    public void AUnionObjectVariant_RecordsItsMismatches()
    {
        var item = models.AssertRoundTrips("""{"type": "message", "role": "user", "content": 5}""", "Item");

        var input = Call(item, "AsInputMessage")!;
        Assert.Null(Get(input, "Content"));
        Assert.Equal(["content: WrongKind"], Mismatches(input));
    }

    [Fact]
    public void AUnionListVariantWithAnItemOfTheWrongKind_IsKeptRaw()
    {
        var prompt = models.AssertRoundTrips("""[1, 2, "three"]""", "Prompt");

        Assert.Equal(true, Get(prompt, "IsUnrecognized"));
    }

    [Fact]
    public void AnItemOfAUnionList_ReadsTolerantly()
    {
        var content = models.AssertRoundTrips("""[{"type": "text", "text": 5}]""", "MessageContent");

        var part = ((System.Collections.IList)Call(content, "AsParts")!)[0]!;
        var text = Call(part, "AsText")!;
        Assert.Equal(["text: WrongKind"], Mismatches(text));
    }

    private static IDictionary<string, JsonElement> Bag(object model) => (IDictionary<string, JsonElement>)Get(model, "AdditionalProperties")!;

    private static string[] Mismatches(object model) => Bag(model).GetMismatches().Select(mismatch => mismatch.Name + ": " + mismatch.Kind).ToArray();
}
