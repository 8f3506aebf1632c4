using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Tether.Generator.Model;
using Tether.Generator.Reading;
using Tether.Generator.Translating;
using Tether.Generator.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Tether.Generator.Tests.Translating;

/// <summary>Both shared OpenAI specs, each parsed once for all tests in this class, when a test first asks (a clone
/// without ../shared skips those tests before they ask).</summary>
public sealed class OfficialSpecFixture
{
    private readonly Lazy<(string Text, ParsedSpec Spec, TimeSpan FirstParse)> current = new(() =>
    {
        var text = File.ReadAllText(RepositoryPaths.OfficialSpec);
        var watch = Stopwatch.StartNew();
        var spec = SpecParser.Parse(RepositoryPaths.OfficialSpec, SourceText.From(text), CancellationToken.None);
        return (text, spec, watch.Elapsed);
    });

    private readonly Lazy<ParsedSpec> older = new(() =>
        SpecParser.Parse(RepositoryPaths.OfficialSpec2025, SourceText.From(File.ReadAllText(RepositoryPaths.OfficialSpec2025)), CancellationToken.None));

    public string Text => current.Value.Text;

    /// <summary>openai.yaml (OpenAPI 3.1).</summary>
    internal ParsedSpec Current => current.Value.Spec;

    /// <summary>openai-2025-04.yaml (OpenAPI 3.0).</summary>
    internal ParsedSpec Older => older.Value;

    public TimeSpan FirstParse => current.Value.FirstParse;
}

/// <summary>The yardstick: the full official spec and its 3.0 predecessor, with every trap CHARACTERIZATION.md lists.</summary>
public sealed class OfficialSpecTests(OfficialSpecFixture specs, ITestOutputHelper output) : IClassFixture<OfficialSpecFixture>
{
    private ApiModel Model => specs.Current.Model!;

    [SkippableFact]
    public void ParsesWithoutWarningsAndWithTheReadersTwoFindingsLocated()
    {
        ReferenceData.OfficialSpec();
        Assert.NotNull(specs.Current.Model);
        Assert.DoesNotContain(specs.Current.Diagnostics, d => ParsingHarness.Severity(d) != DiagnosticSeverity.Info);

        // OpenAPI.NET finds two spec-side errors: a discriminator property not listed in `required`.
        var findings = specs.Current.Diagnostics.Where(d => d.DescriptorId == "TETHER010").ToList();
        Assert.Equal(2, findings.Count);
        var lines = SourceText.From(specs.Text).Lines;
        foreach (var finding in findings)
        {
            Assert.EndsWith("/properties/outputs/anyOf/0/discriminator", finding.MessageArgs[1], StringComparison.Ordinal);
            Assert.Equal("discriminator:", lines[finding.Location!.LineSpan.Start.Line].ToString().Trim());
        }

        output.WriteLine($"openai.yaml: {Model.Types.Count} types, {Model.Operations.Count} operations, first parse {specs.FirstParse.TotalMilliseconds:F0} ms (cold, in a test host)");
        foreach (var diagnostic in specs.Current.Diagnostics)
        {
            output.WriteLine(ParsingHarness.Describe(diagnostic));
        }
    }

    /// <summary>One model per spec operation: the first method of each (the multipart forms come second).</summary>
    private List<OperationModel> SpecOperations => Model.Operations.DistinctBy(o => (o.HttpMethod, o.PathTemplate, o.FixedQuery)).ToList();

    [SkippableFact]
    public void AllOperationsWithUniqueNames()
    {
        ReferenceData.OfficialSpec();
        Assert.Equal(288, SpecOperations.Count);
        Assert.Equal(296, Model.Operations.Count);
        Assert.Equal(296, Model.Operations.Select(o => o.MethodName).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            new[] { ("DELETE", 43), ("GET", 122), ("POST", 123) },
            SpecOperations.GroupBy(o => o.HttpMethod).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())));
        Assert.Equal(119, SpecOperations.Count(o => o.SecurityScheme == "AdminApiKeyAuth"));
        Assert.Equal(169, SpecOperations.Count(o => o.SecurityScheme == "ApiKeyAuth"));
        Assert.Equal(31, SpecOperations.Count(o => o.Group is null));
        Assert.Equal(15, SpecOperations.Count(o => o.Deprecated));
        Assert.Equal(
            new[] { "ApiKeyAuth", "AdminApiKeyAuth" }.OrderBy(n => n, StringComparer.Ordinal),
            Model.SecuritySchemes.Select(s => s.Name));
        Assert.Equal("https://api.openai.com/v1", Model.DefaultServerUrl);
    }

    [SkippableFact]
    public void BetaPathsSplitTheirQueryOff()
    {
        ReferenceData.OfficialSpec();
        var beta = Model.Operations.Where(o => o.FixedQuery is not null).ToList();
        Assert.Equal(7, beta.Count);
        Assert.All(beta, o => Assert.Equal("beta=true", o.FixedQuery));
        Assert.All(beta, o => Assert.DoesNotContain("?", o.PathTemplate, StringComparison.Ordinal));
        Assert.All(beta, o => Assert.Contains(o.Parameters, p => p.Name == "openai-beta" && p.Location == ParameterLocation.Header && p.Style == ParameterStyle.FormNoExplode));
        Assert.Equal(6, beta.Select(o => o.PathTemplate).Distinct().Count());
    }

    [SkippableFact]
    public void StreamingOperationsAndTheirEventTypes()
    {
        ReferenceData.OfficialSpec();
        var streaming = SpecOperations.Where(o => o.Streaming is not null)
            .ToDictionary(o => o.HttpMethod + " " + o.PathTemplate + (o.FixedQuery is null ? string.Empty : "?" + o.FixedQuery), o => (o.Streaming!.EventType.Name, o.Streaming.RequestStreamProperty));
        Assert.Equal(
            new Dictionary<string, (string?, string?)>
            {
                ["POST /chat/completions"] = ("CreateChatCompletionStreamResponse", "stream"),
                ["POST /responses"] = ("ResponseStreamEvent", "stream"),
                ["POST /responses?beta=true"] = ("BetaResponseStreamEvent", "stream"),
                ["POST /audio/transcriptions"] = ("CreateTranscriptionResponseStreamEvent", "stream"),
                ["POST /audio/speech"] = ("CreateSpeechResponseStreamEvent", null),
                ["POST /images/generations"] = ("ImageGenStreamEvent", "stream"),
                ["POST /images/edits"] = ("ImageEditStreamEvent", "stream"),
            },
            streaming);
        Assert.Equal(ResponseKind.Binary, Model.Operations.Single(o => o.OperationId == "createSpeech").Response.Kind);

        // Image edits stream in both forms; the multipart form sets its own `stream` field.
        var edits = Model.Operations.Where(o => o.PathTemplate == "/images/edits").ToList();
        Assert.Equal(["CreateImageEditAsync", "CreateImageEditMultipartAsync"], edits.Select(o => o.MethodName));
        Assert.All(edits, o => Assert.Equal(("ImageEditStreamEvent", "stream"), (o.Streaming!.EventType.Name, o.Streaming.RequestStreamProperty)));
    }

    [SkippableFact]
    public void BodiesAndResponses()
    {
        ReferenceData.OfficialSpec();
        Assert.Equal(110, SpecOperations.Count(o => o.Body is not null));
        Assert.Equal(10, SpecOperations.Count(o => o.Body?.Kind == BodyKind.Multipart));
        Assert.Equal(9, SpecOperations.Count(o => o.Response.Kind == ResponseKind.None));
        Assert.All(Model.Operations.Where(o => o.Body?.Kind is BodyKind.Json or BodyKind.Multipart), o => Assert.Equal(TypeRefKind.Named, o.Body!.Type.Kind));

        var createFile = Model.Operations.Single(o => o.OperationId == "createFile");
        Assert.Equal((BodyKind.Multipart, "CreateFileRequest"), (createFile.Body!.Kind, createFile.Body.Type.Name));
        // Offered as JSON and as multipart: the JSON form is the method, the multipart form (file uploads) a second one.
        var twins = Model.Operations.Except(SpecOperations).ToList();
        Assert.Equal(8, twins.Count);
        Assert.All(twins, twin =>
        {
            Assert.EndsWith("MultipartAsync", twin.MethodName, StringComparison.Ordinal);
            Assert.Equal((BodyKind.Multipart, "multipart/form-data"), (twin.Body!.Kind, twin.Body.ContentType));
            var json = SpecOperations.Single(o => o.HttpMethod == twin.HttpMethod && o.PathTemplate == twin.PathTemplate && o.FixedQuery == twin.FixedQuery);
            Assert.Equal(BodyKind.Json, json.Body!.Kind);
            Assert.Equal((json.OperationId, json.Parameters, json.Response), (twin.OperationId, twin.Parameters, twin.Response));
        });
        var edit = twins.Single(o => o.PathTemplate == "/images/edits");
        Assert.Equal("CreateImageEditRequest", edit.Body!.Type.Name);
        Assert.Equal("EditImageBodyJsonParam", SpecOperations.Single(o => o.PathTemplate == "/images/edits").Body!.Type.Name);

        var videoContent = Model.Operations.Single(o => o.OperationId == "RetrieveVideoContent");
        Assert.Equal(ResponseKind.Json, videoContent.Response.Kind);
    }

    [SkippableFact]
    public void NamesFromTheSpecAreValidIdentifiers()
    {
        ReferenceData.OfficialSpec();
        foreach (var type in Model.Types)
        {
            Assert.True(Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(type.Name), type.Name);
            var members = type switch
            {
                ObjectTypeModel o => o.Properties.Select(p => p.Name),
                EnumTypeModel e => e.Members.Select(m => m.Name),
                UnionTypeModel u => u.Variants.Select(v => v.Name),
                _ => [],
            };
            var list = members.ToList();
            Assert.Equal(list.Count, list.Distinct(StringComparer.Ordinal).Count());
            Assert.All(list, name => Assert.True(Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name) && name != type.Name, type.Name + "." + name));
        }

        Assert.Equal(Model.Types.Count, Model.Types.Select(t => t.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.True(Model.HasType("Error2"));
        Assert.True(Model.HasType("BetaAgentTagParam"));
        Assert.Equal("EmbeddingValue", Model.Type<ObjectTypeModel>("Embedding").Property("embedding").Name);
        Assert.Equal("UserValue", Model.Type<ObjectTypeModel>("User").Property("user").Name);
        Assert.Equal("ApiKeyCreated", Model.Type<ObjectTypeModel>("AuditLog").Property("api_key.created").Name);
        Assert.Equal("Gpt4_1_2025_04_14", Model.Type<EnumTypeModel>("ModelIdsShared").Members.Single(m => m.Value == "gpt-4.1-2025-04-14").Name);
    }

    [SkippableFact]
    public void EveryNamedReferenceResolvesToATypeOfThatKind()
    {
        ReferenceData.OfficialSpec();
        var kinds = Model.Types.ToDictionary(
            t => t.Name,
            t => t switch { ObjectTypeModel => NamedTypeKind.Object, EnumTypeModel => NamedTypeKind.Enum, _ => NamedTypeKind.Union });
        var references = new List<TypeRef>();
        foreach (var type in Model.Types)
        {
            switch (type)
            {
                case ObjectTypeModel o:
                    references.AddRange(o.Properties.Select(p => p.Type));
                    if (o.AdditionalProperties is { } extra)
                    {
                        references.Add(extra);
                    }

                    break;
                case UnionTypeModel u:
                    references.AddRange(u.Variants.Select(v => v.Type));
                    Assert.True(u.Variants.Count >= 2, u.Name);
                    break;
            }
        }

        foreach (var operation in Model.Operations)
        {
            references.AddRange(operation.Parameters.Select(p => p.Type));
            references.AddRange(new[] { operation.Body?.Type, operation.Response.Type, operation.Streaming?.EventType }.OfType<TypeRef>());
        }

        foreach (var reference in references.SelectMany(Flatten).Where(r => r.Kind == TypeRefKind.Named))
        {
            Assert.True(kinds.TryGetValue(reference.Name!, out var kind), "dangling " + reference.Name);
            Assert.Equal(kind, reference.NamedKind);
        }

        static IEnumerable<TypeRef> Flatten(TypeRef reference)
            => reference.Element is { } element ? Flatten(element).Append(reference) : [reference];
    }

    [SkippableFact]
    public void CharacterizedTraps()
    {
        ReferenceData.OfficialSpec();
        // Item: several members share `type: message`; `role` tells them apart.
        var item = Model.Type<UnionTypeModel>("Item");
        Assert.Equal("type", item.DiscriminatorProperty);
        Assert.Equal(new[] { "user", "system", "developer" }, item.Variant("InputMessage").ConstValues("role"));
        Assert.Equal(new[] { "assistant" }, item.Variant("OutputMessage").ConstValues("role"));
        Assert.True(item.Variants.Count(v => v.ConstValues("type")?.Contains("message") == true) >= 2);

        // InputItem's Item member is itself a union.
        Assert.Equal(TypeRef.Named("Item", NamedTypeKind.Union), Model.Type<UnionTypeModel>("InputItem").Variant("Item").Type);

        // ChatCompletionRequestMessage is discriminated on role.
        var message = Model.Type<UnionTypeModel>("ChatCompletionRequestMessage");
        Assert.Equal("role", message.DiscriminatorProperty);
        Assert.Equal(new[] { "developer" }, message.Variant("ChatCompletionRequestDeveloperMessage").ConstValues("role"));

        // Tool: two-value type enums.
        Assert.Equal(2, Model.Type<UnionTypeModel>("Tool").Variant("WebSearchTool").ConstValues("type")!.Count);

        // CompoundFilter recursion.
        var filters = Model.Type<ObjectTypeModel>("CompoundFilter").Property("filters").Type;
        var filterItem = Model.Type<UnionTypeModel>(filters.Element!.Name!);
        Assert.Contains(filterItem.Variants, v => v.Type == TypeRef.Named("CompoundFilter", NamedTypeKind.Object));

        // Open enum, nullable dictionary alias, ImageRefParam, Response allOf with required names from siblings.
        Assert.True(Model.Type<EnumTypeModel>("ModelIdsShared").Members.Count >= 83);
        Assert.False(Model.HasType("Metadata"));
        Assert.All(Model.Type<ObjectTypeModel>("ImageRefParam").Properties, p => Assert.False(p.Required));
        var response = Model.Type<ObjectTypeModel>("Response");
        Assert.True(response.Property("model").Required);
        Assert.True(response.Property("tools").Required);
        Assert.True(response.Property("metadata").Nullable);
        Assert.Equal(TypeRefKind.Map, response.Property("metadata").Type.Kind);

        // RealtimeTurnDetection: a nullable oneOf discriminated by const.
        var turn = Model.Type<UnionTypeModel>("RealtimeTurnDetection");
        Assert.Equal(new[] { "server_vad" }, turn.Variants[0].ConstValues("type"));
        Assert.Equal(new[] { "semantic_vad" }, turn.Variants[1].ConstValues("type"));

        // Const properties default to their value.
        Assert.Equal("chat.completion", Model.Type<ObjectTypeModel>("CreateChatCompletionResponse").Property("object").ConstValue);

        // Query arrays, PHP-style names and the one deepObject parameter.
        var auditLogs = Model.Operations.Single(o => o.OperationId == "list-audit-logs");
        Assert.Contains(auditLogs.Parameters, p => p.Name == "project_ids[]" && p.CSharpName == "projectIds" && p.Style == ParameterStyle.Form);
        var fineTuningJobs = Model.Operations.Single(o => o.OperationId == "listPaginatedFineTuningJobs");
        Assert.Contains(fineTuningJobs.Parameters, p => p.Name == "metadata" && p.Style == ParameterStyle.DeepObject);
    }

    /// <summary>
    /// The census of list operations (issue 12): every operation with a <c>data</c> list and a string cursor parameter
    /// pages, in the four shapes the spec uses; the ones that look paged without a cursor parameter are reported.
    /// </summary>
    [SkippableFact]
    public void PagedListOperations_FourShapes_AndTheLookAlikesReported()
    {
        ReferenceData.OfficialSpec();
        var paged = SpecOperations.Where(o => o.Pagination is not null).ToList();
        var census = paged.GroupBy(o => o.Pagination!.Shape).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var shape in census.OrderByDescending(pair => pair.Value))
        {
            output.WriteLine($"{shape.Value,3} × {shape.Key}");
        }

        Assert.Equal(
            new Dictionary<string, int>(StringComparer.Ordinal)
            {
                ["after + has_more + last_id"] = 40,
                ["page + has_more + next_page"] = 11,
                ["after + has_more + next"] = 9,
                ["after + has_more + last item's id"] = 2,
            },
            census);

        var files = Model.Operations.Single(o => o.OperationId == "listFiles").Pagination!;
        Assert.Equal(("after", "Data", "HasMore", NextCursorSource.PageField, "LastId"), (files.CursorParameter, files.ItemsProperty, files.HasMoreProperty, files.Source, files.NextCursorProperty));
        Assert.Equal("OpenAIFile", files.ItemType.Name);

        var unmatched = specs.Current.Diagnostics.Where(d => d.DescriptorId == "TETHER015").Select(d => d.MessageArgs[0]).OrderBy(n => n, StringComparer.Ordinal).ToList();
        foreach (var diagnostic in specs.Current.Diagnostics.Where(d => d.DescriptorId == "TETHER015"))
        {
            output.WriteLine(ParsingHarness.Describe(diagnostic));
        }

        Assert.Equal(4, unmatched.Count);
        Assert.Contains("searchVectorStore", unmatched);
        Assert.Contains("retrieveVectorStoreFileContent", unmatched);
        Assert.DoesNotContain(paged, o => unmatched.Contains(o.OperationId));
    }

    [SkippableFact]
    public void OlderSpecInOpenApi30()
    {
        ReferenceData.OfficialSpec2025();
        var older = specs.Older;
        Assert.NotNull(older.Model);
        Assert.DoesNotContain(older.Diagnostics, d => ParsingHarness.Severity(d) != DiagnosticSeverity.Info);
        Assert.Equal(148, older.Model!.Operations.Count);
        Assert.Equal(148, older.Model.Operations.Select(o => o.MethodName).Distinct(StringComparer.Ordinal).Count());

        // `nullable: true` next to a $ref, an allOf and a oneOf.
        var run = older.Model.Type<ObjectTypeModel>("CreateRunRequest");
        Assert.True(run.Property("response_format").Nullable);
        Assert.True(run.Property("truncation_strategy").Nullable);
        Assert.True(older.Model.Type<ObjectTypeModel>("CreateCompletionRequest").Property("prompt").Nullable);

        // The dropped `$recursiveRef` is recovered from the text.
        var filters = older.Model.Type<ObjectTypeModel>("CompoundFilter").Property("filters").Type;
        Assert.Contains(older.Model.Type<UnionTypeModel>(filters.Element!.Name!).Variants, v => v.Type.Name == "CompoundFilter");

        output.WriteLine($"openai-2025-04.yaml: {older.Model.Types.Count} types, {older.Model.Operations.Count} operations");
        foreach (var diagnostic in older.Diagnostics)
        {
            output.WriteLine(ParsingHarness.Describe(diagnostic));
        }
    }
}
