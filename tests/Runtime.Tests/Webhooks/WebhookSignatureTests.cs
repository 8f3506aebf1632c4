using System.Net.Http;
using System.Text;
using Xunit;

namespace Tether.Runtime.Tests.Webhooks;

/// <summary>
/// The Standard Webhooks scheme, checked against known answers (the specification's own example, and vectors
/// computed independently with Python's hmac module over the same bytes) and against every way a delivery can be
/// wrong.
/// </summary>
public sealed class WebhookSignatureTests
{
    // The example of the Standard Webhooks specification (its "Signature scheme" section and reference libraries).
    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SpecId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long SpecTimestamp = 1614265330;
    private const string SpecPayload = "{\"test\": 2432232314}";
    private const string SpecSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static readonly DateTimeOffset SpecTime = DateTimeOffset.FromUnixTimeSeconds(SpecTimestamp);

    [Theory]
    [InlineData(SpecId, SpecTimestamp, SpecPayload, SpecSignature)]
    [InlineData("evt_685c059ae3a481909bdc86819b066fb6", 1751277420L, "{\"id\":\"evt_685c059ae3a481909bdc86819b066fb6\",\"type\":\"response.completed\",\"created_at\":1751277420,\"data\":{\"id\":\"resp_123\"}}", "v1,dH3wFPxIweVsEtdSBaZOO6JKXDscy3CaUCI/r/TpfVA=")]
    [InlineData("msg_2", 1700000000L, "{\"text\":\"héllo ✓\"}", "v1,eJnhaA3xoiNqMvDaHwyG6tx4gU7LU2ivtNY3bxQniBw=")]
    public void Sign_GivesTheKnownAnswer_AndVerifyAcceptsIt(string id, long timestamp, string payload, string signature)
    {
        var body = Encoding.UTF8.GetBytes(payload);

        Assert.Equal(signature, WebhookSignature.Sign(id, timestamp, body, SpecSecret));
        WebhookSignature.Verify(body, Headers(id, timestamp, signature), SpecSecret, WebhookSignature.DefaultTolerance, DateTimeOffset.FromUnixTimeSeconds(timestamp));
    }

    [Fact]
    public void SecretWithoutItsPrefix_IsTheSameKey()
    {
        Assert.Equal(SpecSignature, WebhookSignature.Sign(SpecId, SpecTimestamp, Encoding.UTF8.GetBytes(SpecPayload), SpecSecret["whsec_".Length..]));
    }

    [Theory]
    [InlineData("body")]
    [InlineData("id")]
    [InlineData("timestamp")]
    public void AnyTamperedPart_FailsTheSignatureCheck(string part)
    {
        var body = part == "body" ? SpecPayload.Replace("2432232314", "2432232315", StringComparison.Ordinal) : SpecPayload;
        var id = part == "id" ? SpecId + "x" : SpecId;
        var timestamp = part == "timestamp" ? SpecTimestamp + 1 : SpecTimestamp;

        var error = Assert.Throws<TetherWebhookException>(() => Verify(body, Headers(id, timestamp, SpecSignature)));

        Assert.Equal(WebhookCheck.Signature, error.Check);
    }

    [Fact]
    public void SeveralSignatures_OneMatchingIsEnough_WhicheverPosition()
    {
        var wrong = "v1," + Convert.ToBase64String(new byte[32]);
        Verify(SpecPayload, Headers(SpecId, SpecTimestamp, wrong + " " + SpecSignature));
        Verify(SpecPayload, Headers(SpecId, SpecTimestamp, SpecSignature + " " + wrong));
        // Other versions and malformed entries are skipped, not fatal.
        Verify(SpecPayload, Headers(SpecId, SpecTimestamp, "v1a,abc v2,xyz v1,not-base64! " + SpecSignature));

        var error = Assert.Throws<TetherWebhookException>(() => Verify(SpecPayload, Headers(SpecId, SpecTimestamp, wrong + " " + wrong)));
        Assert.Equal(WebhookCheck.Signature, error.Check);
    }

    [Fact]
    public void ASignatureWithoutItsVersion_DoesNotCount()
    {
        var error = Assert.Throws<TetherWebhookException>(() => Verify(SpecPayload, Headers(SpecId, SpecTimestamp, SpecSignature["v1,".Length..])));

        Assert.Equal(WebhookCheck.Signature, error.Check);
    }

    [Theory]
    [InlineData(-301, WebhookCheck.TimestampTooOld)]
    [InlineData(301, WebhookCheck.TimestampTooNew)]
    public void TimestampsBeyondTheTolerance_AreRejectedEvenWithAValidSignature(int offsetSeconds, WebhookCheck expected)
    {
        var body = Encoding.UTF8.GetBytes(SpecPayload);
        var headers = Headers(SpecId, SpecTimestamp, SpecSignature);
        var now = SpecTime.AddSeconds(-offsetSeconds);

        var error = Assert.Throws<TetherWebhookException>(() => WebhookSignature.Verify(body, headers, SpecSecret, TimeSpan.FromMinutes(5), now));

        Assert.Equal(expected, error.Check);
        // Within the tolerance either way, the same delivery passes.
        WebhookSignature.Verify(body, headers, SpecSecret, TimeSpan.FromMinutes(5), SpecTime.AddSeconds(-Math.Sign(offsetSeconds) * 300));
        WebhookSignature.Verify(body, headers, SpecSecret, TimeSpan.FromMinutes(6), now);
    }

    [Theory]
    [InlineData("webhook-id")]
    [InlineData("webhook-timestamp")]
    [InlineData("webhook-signature")]
    public void MissingOrEmptyHeaders_AreNamed(string header)
    {
        var headers = Headers(SpecId, SpecTimestamp, SpecSignature);
        headers.Remove(header);
        var missing = Assert.Throws<TetherWebhookException>(() => Verify(SpecPayload, headers));
        headers[header] = " ";
        var empty = Assert.Throws<TetherWebhookException>(() => Verify(SpecPayload, headers));

        Assert.All(new[] { missing, empty }, error =>
        {
            Assert.Equal(WebhookCheck.Headers, error.Check);
            Assert.Contains(header, error.Message, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("1614265330.5")]
    [InlineData("-1614265330")]
    [InlineData("2021-02-25T15:02:10Z")]
    [InlineData("99999999999999999999")]
    public void TimestampsThatAreNotUnixSeconds_AreRejected(string timestamp)
    {
        var headers = Headers(SpecId, SpecTimestamp, SpecSignature);
        headers["webhook-timestamp"] = timestamp;

        Assert.Equal(WebhookCheck.TimestampFormat, Assert.Throws<TetherWebhookException>(() => Verify(SpecPayload, headers)).Check);
    }

    [Theory]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_   ")]
    [InlineData("whsec_%%%%")]
    public void SecretsThatAreNotBase64_AreRejectedWithoutShowingThem(string secret)
    {
        var error = Assert.Throws<TetherWebhookException>(() =>
            WebhookSignature.Verify(Encoding.UTF8.GetBytes(SpecPayload), Headers(SpecId, SpecTimestamp, SpecSignature), secret, TimeSpan.FromMinutes(5), SpecTime));

        Assert.Equal(WebhookCheck.SecretFormat, error.Check);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NoMessage_EverContainsTheSecret()
    {
        var messages = new List<string>();
        foreach (var headers in new[]
        {
            Headers(SpecId, SpecTimestamp, "v1,AAAA"),
            Headers(SpecId, SpecTimestamp + 10_000, SpecSignature),
            new Dictionary<string, string>(),
        })
        {
            messages.Add(Assert.Throws<TetherWebhookException>(() => Verify(SpecPayload, headers)).ToString());
        }

        Assert.All(messages, message => Assert.DoesNotContain(SpecSecret["whsec_".Length..], message, StringComparison.Ordinal));
    }

    [Fact]
    public void HeaderNames_MatchWithoutRegardToCase_FromEveryKindOfHeaderSource()
    {
        var ordinal = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Webhook-Id"] = SpecId,
            ["WEBHOOK-TIMESTAMP"] = SpecTimestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-Signature"] = SpecSignature,
        };
        Verify(SpecPayload, ordinal);

        using var request = new HttpRequestMessage();
        foreach (var pair in ordinal)
        {
            request.Headers.TryAddWithoutValidation(pair.Key, pair.Value);
        }

        Verify(SpecPayload, request.Headers);
        Verify(SpecPayload, WebhookHeaders.From(ordinal.Select(pair => new KeyValuePair<string, string[]>(pair.Key, [pair.Value]))));
        Verify(SpecPayload, new WebhookHeaders(name => ordinal.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value));
    }

    private static void Verify(string payload, WebhookHeaders headers) =>
        WebhookSignature.Verify(Encoding.UTF8.GetBytes(payload), headers, SpecSecret, WebhookSignature.DefaultTolerance, SpecTime);

    private static Dictionary<string, string> Headers(string id, long timestamp, string signature) => new()
    {
        ["webhook-id"] = id,
        ["webhook-timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["webhook-signature"] = signature,
    };
}
