using Microsoft.CodeAnalysis;
using Tether.Generator.Model;
using Tether.Generator.Tests.Support;
using Xunit;

namespace Tether.Generator.Tests.Planning;

/// <summary>
/// The planning stage names every derived method (streaming, response forms, auto-paging, request builders) before
/// anything is emitted, with the generator's one collision rule, and says so when a public name had to move.
/// </summary>
public sealed class MethodNamePlannerTests
{
    // createThing streams, so it wants CreateThingStreamingAsync, which the plain method of createThingStreaming has.
    private const string StreamingClash = """
        openapi: 3.0.0
        info: { title: T, version: "1" }
        paths:
          /things:
            post:
              operationId: createThing
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, properties: { stream: { type: boolean } } }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { type: object, properties: { id: { type: string } } }
                    text/event-stream:
                      schema: { type: object, properties: { id: { type: string } } }
          /things/streaming:
            post:
              operationId: createThingStreaming
              responses: { "204": { description: ok } }
          /tagged:
            get:
              operationId: createThingStreamingWithResponse
              tags: [Other]
              responses: { "204": { description: ok } }
        """;

    [Fact]
    public void AStreamingTwinThatClashesIsNumberedBeforeAsyncAndReported()
    {
        var parsed = ParsingHarness.Parse(StreamingClash);
        var model = parsed.Model!;
        var createThing = model.Operations.Single(o => o.OperationId == "createThing").Names!;
        Assert.Equal(
            ("CreateThingStreaming2Async", "CreateThingStreaming2WithResponseAsync", "CreateThingWithResponseAsync", "BuildCreateThingRequest"),
            (createThing.Streaming, createThing.StreamingWithResponse, createThing.WithResponse, createThing.RequestBuilder));

        // The plain names keep theirs; another class's method of the same name takes nothing from this one.
        var streamingOperation = model.Operations.Single(o => o.OperationId == "createThingStreaming");
        Assert.Equal("CreateThingStreamingAsync", streamingOperation.MethodName);
        Assert.Equal("CreateThingStreamingWithResponseAsync", streamingOperation.Names!.WithResponse);
        Assert.Null(streamingOperation.Names.Streaming);

        var reported = Assert.Single(parsed.Diagnostics, d => d.DescriptorId == "TETHER009");
        Assert.Equal(new[] { "CreateThingStreamingAsync", "#/paths/~1things/post", "CreateThingStreaming2Async" }, reported.MessageArgs.ToArray());
        var postLine = StreamingClash.Split('\n').Select((line, index) => (line, index)).First(x => x.line.Trim() == "post:").index;
        Assert.Equal(postLine, reported.Location!.LineSpan.Start.Line);
    }

    [Fact]
    public void TheGeneratedClientUsesThePlannedNamesAndCompiles()
    {
        var result = SpecGeneration.Run("things.yaml", StreamingClash);
        var (problems, _) = result.Compile();
        Assert.DoesNotContain(problems, d => d.Severity >= DiagnosticSeverity.Warning);

        var client = result.Output.GetTypeByMetadataName("App.VendorClient")!;
        var methods = client.GetMembers().OfType<IMethodSymbol>().Where(m => m.DeclaredAccessibility == Accessibility.Public).Select(m => m.Name).ToHashSet();
        Assert.Superset(
            new HashSet<string> { "CreateThingAsync", "CreateThingStreaming2Async", "CreateThingStreaming2WithResponseAsync", "CreateThingStreamingAsync", "CreateThingStreamingWithResponseAsync" },
            methods);
        Assert.DoesNotContain("CreateThingStreamingAsync2", methods);
        Assert.Contains(result.Diagnostics, d => d.Id == "TETHER009" && d.GetMessage().Contains("CreateThingStreaming2Async", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUntaggedTwinKeepsOffTheClientsOwnMembers()
    {
        // A tag becomes a property of the client (PascalCase), so a tag named like an untagged operation's twin keeps
        // the name and the twin is numbered.
        var parsed = ParsingHarness.Parse("""
            openapi: 3.0.0
            info: { title: T, version: "1" }
            paths:
              /deploy:
                post:
                  operationId: deploy
                  responses: { "204": { description: ok } }
              /other:
                get:
                  operationId: listOther
                  tags: [DeployWithResponseAsync]
                  responses: { "204": { description: ok } }
            """);

        var deploy = parsed.Model!.Operations.Single(o => o.OperationId == "deploy").Names!;
        Assert.Equal("DeployWithResponse2Async", deploy.WithResponse);
        Assert.Contains(parsed.Diagnostics, d => d.DescriptorId == "TETHER009" && d.MessageArgs[2] == "DeployWithResponse2Async");
    }

    [Fact]
    public void EveryOperationLeavesParsingWithItsNames()
    {
        var model = ParsingHarness.Parse(StreamingClash).Model!;
        Assert.All(model.Operations, operation => Assert.NotNull(operation.Names));
        Assert.Equal(model.Operations.Count, model.Operations.Select(o => o.Names!.RequestBuilder).Distinct().Count());
    }
}
