using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tether.Generator.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using Models = Tether.EndToEnd.Tests.OpenAIClientModels;

namespace Tether.EndToEnd.Tests;

/// <summary>
/// <c>client.Webhooks</c> of the client generated from the official spec: every webhook the spec declares, signed as
/// OpenAI signs it (Standard Webhooks), unwrapped from its own example payload into its variant of the event union,
/// and written back to the same JSON.
/// </summary>
public sealed class WebhookTests(ITestOutputHelper output)
{
    private const string Secret = "whsec_RGVsaXZlcmllcyBhcmUgc2lnbmVkIHdpdGggdGhpcyBrZXku";

    [SkippableFact]
    public void EveryWebhookOfTheOfficialSpec_UnwrapsFromItsExample_IntoItsVariant_AndWritesBackTheSameJson()
    {
        var spec = YamlToJson.Parse(File.ReadAllText(ReferenceData.OfficialSpec()))!;
        var webhooks = spec["webhooks"]!.AsObject();
        using var client = new OpenAIClient(new OpenAIClientOptions { ApiKey = "unused", WebhookSecret = Secret });
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (name, hook) in webhooks)
        {
            var reference = (string)hook!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!;
            var schema = reference["#/components/schemas/".Length..];
            // Two examples of the spec have trailing commas; the payload the service sends has none.
            var example = JsonNode.Parse((string)spec["components"]!["schemas"]![schema]!["x-oaiMeta"]!["example"]!, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true })!.ToJsonString();
            var (body, headers) = Deliver(example);

            var delivered = client.Webhooks.Unwrap(body, headers);

            Assert.True((bool)typeof(Models.WebhookEvent).GetProperty("Is" + schema)!.GetValue(delivered)!, $"{name} ({schema}) was not read as its variant");
            JsonSemantic.AssertEqual(example, JsonSerializer.Serialize(delivered, OpenAIClient.JsonOptions));
            seen.Add(schema);
            output.WriteLine($"{name} → Is{schema}");
        }

        Assert.Equal(16, webhooks.Count);
        Assert.Equal(webhooks.Count, seen.Count);
    }

    [SkippableFact]
    public void AnEventTypeTheClientDoesNotKnow_IsKeptAsRawJson_NotAnException()
    {
        ReferenceData.OfficialSpec();
        using var client = new OpenAIClient(new OpenAIClientOptions { ApiKey = "unused", WebhookSecret = Secret });
        const string Future = """{"id":"evt_1","type":"video.generated","created_at":1767225600,"data":{"id":"video_1","frames":[1,2]}}""";
        var (body, headers) = Deliver(Future);

        var delivered = client.Webhooks.Unwrap(body, headers);

        Assert.True(delivered.IsUnrecognized);
        JsonSemantic.AssertEqual(Future, JsonSerializer.Serialize(delivered, OpenAIClient.JsonOptions));
    }

    [SkippableFact]
    public void AKnownEventWithATamperedBody_IsRejected_AndNothingIsRead()
    {
        ReferenceData.OfficialSpec();
        using var client = new OpenAIClient(new OpenAIClientOptions { ApiKey = "unused", WebhookSecret = Secret });
        var (body, headers) = Deliver("""{"id":"evt_1","type":"batch.completed","created_at":1767225600,"data":{"id":"batch_1"}}""");

        var error = Assert.Throws<TetherWebhookException>(() => client.Webhooks.Unwrap(body.Replace("batch_1", "batch_2", StringComparison.Ordinal), headers));

        Assert.Equal(WebhookCheck.Signature, error.Check);
        Assert.IsAssignableFrom<TetherException>(error);
    }

    [SkippableFact]
    public void TheSecret_ComesFromTheArgument_ThenTheOption_ThenTheEnvironmentVariable()
    {
        ReferenceData.OfficialSpec();
        var variable = "TETHER_E2E_WEBHOOK_SECRET_" + Guid.NewGuid().ToString("N");
        var (body, headers) = Deliver("""{"id":"evt_1","type":"batch.completed","created_at":1767225600,"data":{"id":"batch_1"}}""");
        using var unconfigured = new OpenAIClient(new OpenAIClientOptions { ApiKey = "unused", WebhookSecretEnvironmentVariable = variable });

        Assert.Equal("OPENAI_WEBHOOK_SECRET", new OpenAIClientOptions().WebhookSecretEnvironmentVariable);
        var missing = Assert.Throws<TetherWebhookException>(() => unconfigured.Webhooks.VerifySignature(body, headers));
        Assert.Equal(WebhookCheck.Secret, missing.Check);
        Assert.Contains("OpenAIClientOptions.WebhookSecret", missing.Message, StringComparison.Ordinal);
        Assert.Contains(variable, missing.Message, StringComparison.Ordinal);

        unconfigured.Webhooks.VerifySignature(body, headers, Secret);
        Environment.SetEnvironmentVariable(variable, Secret);
        try
        {
            Assert.True(unconfigured.Webhooks.Unwrap(body, headers).IsWebhookBatchCompleted);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        using var wrongOption = new OpenAIClient(new OpenAIClientOptions { ApiKey = "unused", WebhookSecret = "whsec_" + Convert.ToBase64String(new byte[24]) });
        Assert.Equal(WebhookCheck.Signature, Assert.Throws<TetherWebhookException>(() => wrongOption.Webhooks.VerifySignature(body, headers)).Check);
        wrongOption.Webhooks.VerifySignature(body, headers, Secret);
    }

    [SkippableFact]
    public void ToleranceOption_DecidesHowOldADeliveryMayBe()
    {
        ReferenceData.OfficialSpec();
        const string Json = """{"id":"evt_1","type":"batch.completed","created_at":1767225600,"data":{"id":"batch_1"}}""";
        var (body, headers) = Deliver(Json, DateTimeOffset.UtcNow.AddMinutes(-10));
        using var strict = new OpenAIClient(new OpenAIClientOptions { ApiKey = "unused", WebhookSecret = Secret });
        using var lenient = new OpenAIClient(new OpenAIClientOptions { ApiKey = "unused", WebhookSecret = Secret, WebhookTolerance = TimeSpan.FromMinutes(15) });

        Assert.Equal(TimeSpan.FromMinutes(5), new OpenAIClientOptions().WebhookTolerance);
        Assert.Equal(WebhookCheck.TimestampTooOld, Assert.Throws<TetherWebhookException>(() => strict.Webhooks.Unwrap(body, headers)).Check);
        Assert.True(lenient.Webhooks.Unwrap(body, headers).IsWebhookBatchCompleted);
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpenAIClientOptions { WebhookTolerance = TimeSpan.Zero });
    }

    [SkippableFact]
    public void AspNetCoreHeaders_AndRawBytes_AreAcceptedAsTheyCome()
    {
        ReferenceData.OfficialSpec();
        using var client = new OpenAIClient(new OpenAIClientOptions { ApiKey = "unused", WebhookSecret = Secret });
        var (body, headers) = Deliver("""{"id":"evt_1","type":"response.completed","created_at":1767225600,"data":{"id":"resp_1"}}""");
        var request = new DefaultHttpContext().Request;
        foreach (var (name, value) in headers)
        {
            request.Headers[name.ToUpperInvariant()] = value;
        }

        var delivered = client.Webhooks.Unwrap(Encoding.UTF8.GetBytes(body), WebhookHeaders.From(request.Headers));

        // As the README's endpoint reads it.
        Assert.True(delivered.TryGetWebhookResponseCompleted(out var completed));
        Assert.Equal("resp_1", completed.Data.Id);
        Func<Task> fetchTheResponse = () => client.Responses.GetResponseAsync(completed.Data.Id);
        Assert.NotNull(fetchTheResponse);
    }

    [SkippableFact]
    public void ASignedBodyThatIsNotAnEvent_IsAPayloadError()
    {
        ReferenceData.OfficialSpec();
        using var client = new OpenAIClient(new OpenAIClientOptions { ApiKey = "unused", WebhookSecret = Secret });
        foreach (var text in new[] { "{\"id\":", "null", "" })
        {
            var (body, headers) = Deliver(text);
            Assert.Equal(WebhookCheck.Payload, Assert.Throws<TetherWebhookException>(() => client.Webhooks.Unwrap(body, headers)).Check);
        }
    }

    private static (string Body, Dictionary<string, string> Headers) Deliver(string body, DateTimeOffset? at = null)
    {
        var id = "msg_" + Guid.NewGuid().ToString("N");
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        return (body, new Dictionary<string, string>
        {
            ["webhook-id"] = id,
            ["webhook-timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
            ["webhook-signature"] = WebhookSignature.Sign(id, timestamp, Encoding.UTF8.GetBytes(body), Secret),
        });
    }
}
