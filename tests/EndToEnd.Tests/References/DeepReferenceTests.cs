using System.Text.Json;
using Tether.EndToEnd.Tests.References.LedgerClientModels;
using Tether.EndToEnd.Tests.Support;
using Xunit;

namespace Tether.EndToEnd.Tests.References;

/// <summary>
/// Members typed by a <c>$ref</c> into another schema's property or items (issue 13) carry their real types through a
/// call: the request is written with them and the response read into them, against a loopback server.
/// </summary>
public sealed class DeepReferenceTests
{
    private const string Stored = """
        {"created_at":1700000000123,"amount":12.5,"owner":{"id":"u-1","verified":true},"approver":{"id":"u-2"},"label":"urgent"}
        """;

    [Fact]
    public async Task DeepReferencedMembers_AreTypedOnTheWireBothWays()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Stored);
        using var client = new LedgerClient(new LedgerClientOptions { BaseAddress = server.BaseAddress });

        // The deep-referenced object gets one type, shared by both members that point at it.
        var sent = new Transfer
        {
            CreatedAt = 1700000000123L,
            Amount = 12.5,
            Owner = new EntryOwner { Id = "u-1", Verified = true },
            Approver = new EntryOwner { Id = "u-2" },
            Label = EntryLabelsItem.Urgent,
        };
        var stored = await client.CreateTransferAsync(sent);

        JsonAssert.Equal(Stored, Assert.Single(server.Requests).BodyText);
        long createdAt = stored.CreatedAt;
        double? amount = stored.Amount;
        Assert.Equal((1700000000123L, 12.5), (createdAt, amount));
        Assert.Equal(("u-1", true, "u-2"), (stored.Owner!.Id, stored.Owner.Verified, stored.Approver!.Id));
        Assert.Equal(EntryLabelsItem.Urgent, stored.Label);
        Assert.Empty(stored.AdditionalProperties);
        JsonAssert.Equal(Stored, JsonSerializer.Serialize(stored, LedgerClient.JsonOptions));
    }
}
