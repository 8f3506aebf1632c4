using Tether.Generator.Emitting;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;
using Tether.Generator.Model;
using Tether.Generator.Tests.Emitting;
using Tether.Generator.Tests.Support;
using Xunit;
using static Tether.Generator.Tests.Support.ParsingHarness;

namespace Tether.Generator.Tests.Translating;

/// <summary>
/// <c>oneOf</c>/<c>anyOf</c> beside <c>properties</c>: one object with its own properties plus each alternative's
/// members as optional properties (see <c>AllOfMerger.CollectWithAlternatives</c>).
/// </summary>
public sealed class AlternativesBesidePropertiesTests
{
    private const string Schemas = """
        EmailChannel:
          type: object
          required: [address]
          properties:
            address: { type: string }
            verified: { type: boolean }
        Channel:
          type: object
          required: [type]
          properties:
            type: { type: string }
            summary: { type: string }
          oneOf:
            - $ref: "#/components/schemas/EmailChannel"
            - type: object
              required: [number]
              properties:
                number: { type: integer, format: int64 }
                summary: { type: integer }
            - type: string
        Installation:
          type: object
          properties:
            id: { type: integer }
          anyOf:
            - required: [id]
            - properties:
                account:
                  type: object
                  properties:
                    login: { type: string }
        """;

    [Fact]
    public void TheObjectHasItsPropertiesAndWhatEachAlternativeAdds()
    {
        var model = ParseClean(WithSchemas(Schemas, "3.0.3"));

        var channel = model.Type<ObjectTypeModel>("Channel");
        Assert.Equal(new[] { "type", "summary", "address", "verified", "number" }, channel.Properties.Select(p => p.JsonName));
        Assert.Equal(new[] { "type" }, channel.Properties.Where(p => p.Required).Select(p => p.JsonName));

        // The object's own schema wins over an alternative's for a shared name.
        Assert.Equal(TypeRef.String, channel.Property("summary").Type);
        Assert.Equal(TypeRef.Int64, channel.Property("number").Type);

        var installation = model.Type<ObjectTypeModel>("Installation");
        Assert.Equal(new[] { "id", "account" }, installation.Properties.Select(p => p.JsonName));
        Assert.Equal(TypeRefKind.Named, installation.Property("account").Type.Kind);
    }

    [Fact]
    public void AnAlternativesMemberSurvivesARoundTrip()
    {
        var model = ParseClean(WithSchemas(Schemas, "3.0.3"));
        var files = SourceEmitter.Emit(ModelBuilder.Spec(model.Types.ToArray()), CancellationToken.None);
        EmittedSource.AssertCompilesCleanly(files);
        using var assembly = SourceCompiler.CompileAndLoad(EmittedSource.WithClient(files));
        var options = (System.Text.Json.JsonSerializerOptions)assembly.GetType(ModelBuilder.Namespace + "." + ModelBuilder.ClientName)
            .GetProperty("JsonOptions")!.GetValue(null)!;
        var channelType = assembly.GetType(ModelBuilder.Namespace + "." + ModelBuilder.ClientName + "Models.Channel");

        const string json = """{"type":"sms","summary":"on call","number":4915112345678}""";
        var channel = System.Text.Json.JsonSerializer.Deserialize(json, channelType, options)!;

        Assert.Equal(4915112345678L, channelType.GetProperty("Number")!.GetValue(channel));
        Assert.Null(channelType.GetProperty("Address")!.GetValue(channel));
        JsonSemantic.AssertEqual(json, System.Text.Json.JsonSerializer.Serialize(channel, channelType, options));
    }
}
