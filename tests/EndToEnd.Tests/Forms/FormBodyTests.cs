using System.Text;
using Tether.EndToEnd.Tests.Forms.FormClientModels;
using Tether.EndToEnd.Tests.Support;
using Xunit;

namespace Tether.EndToEnd.Tests.Forms;

/// <summary>
/// Form bodies on the wire: the generated <see cref="FormClient"/> against a loopback server, the body and its
/// <c>Content-Type</c> compared byte for byte with what a Stripe- or Twilio-style server reads.
/// </summary>
public sealed class FormBodyTests
{
    [Fact]
    public async Task NestedDeepObjectBody_IsSentByteForByte()
    {
        await using var server = await FakeOpenAIServer.StartAsync("""{"id":"cus_1"}""");
        using var client = new FormClient(new FormClientOptions { BaseAddress = server.BaseAddress, MaxRetries = 0 });

        var created = await client.CreateCustomerAsync(
            email: "ada@example.com",
            balance: -12.5,
            metadata: new Dictionary<string, string> { ["order_id"] = "6735", ["note"] = "a&b c" },
            address: new Address { Line1 = "1 Main St", City = "Zürich", Geo = new Geo { Lat = 47.37, Lng = 8.54 } },
            expand: ["customer", "invoice.lines"],
            items: [new LineItem { Price = "price_1", Quantity = 2 }, new LineItem { Price = "price_2" }]);

        Assert.Equal("cus_1", created.Id);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/customers", request.RawTarget);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        var expected = "email=ada%40example.com&balance=-12.5"
            + "&metadata%5Border_id%5D=6735&metadata%5Bnote%5D=a%26b+c"
            + "&address%5Bline1%5D=1+Main+St&address%5Bcity%5D=Z%C3%BCrich&address%5Bgeo%5D%5Blat%5D=47.37&address%5Bgeo%5D%5Blng%5D=8.54"
            + "&expand%5B%5D=customer&expand%5B%5D=invoice.lines"
            + "&items%5B0%5D%5Bprice%5D=price_1&items%5B0%5D%5Bquantity%5D=2&items%5B1%5D%5Bprice%5D=price_2";
        Assert.Equal(Encoding.ASCII.GetBytes(expected), request.Body);
    }

    [Fact]
    public async Task ArrayBody_RepeatsExplodedArrays_AndJoinsTheOthers_ByteForByte()
    {
        await using var server = await FakeOpenAIServer.StartAsync("""{"id":"CA1"}""");
        using var client = new FormClient(new FormClientOptions { BaseAddress = server.BaseAddress, MaxRetries = 0 });

        await client.CreateCallAsync(
            "+15550100",
            statusCallbackEvent: ["initiated", "ringing", "answered"],
            codecs: ["PCMU", "opus"],
            timeout: 30,
            record: false);

        var request = Assert.Single(server.Requests);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal(
            Encoding.ASCII.GetBytes("To=%2B15550100&StatusCallbackEvent=initiated&StatusCallbackEvent=ringing&StatusCallbackEvent=answered&Codecs=PCMU%2Copus&Timeout=30&Record=false"),
            request.Body);
    }

    [Fact]
    public async Task RetriedFormBody_IsSentAgainUnchanged()
    {
        await using var server = await FakeOpenAIServer.StartAsync((context, _, number) =>
            number == 1 ? FakeOpenAIServer.WriteJsonAsync(context, """{"error":{"message":"busy"}}""", 503) : FakeOpenAIServer.WriteJsonAsync(context, """{"id":"CA2"}"""));
        using var client = new FormClient(new FormClientOptions { BaseAddress = server.BaseAddress, MaxRetries = 1, InitialRetryDelay = TimeSpan.FromMilliseconds(1) });

        await client.CreateCallAsync("+15550100", codecs: ["PCMU"]);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(server.Requests[0].Body, server.Requests[1].Body);
        Assert.Equal("To=%2B15550100&Codecs=PCMU", server.Requests[1].BodyText);
    }
}
