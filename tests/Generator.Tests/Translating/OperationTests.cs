using Tether.Generator.Model;
using Xunit;
using static Tether.Generator.Tests.Support.ParsingHarness;

namespace Tether.Generator.Tests.Translating;

/// <summary>paths → operations: names, parameters, bodies, responses, streaming, security, groups.</summary>
public sealed class OperationTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: { title: Ops, version: "2.0", description: Operations test }
        servers:
          - url: https://api.example.com/{version}
            variables:
              version: { default: v1 }
        security:
          - ApiKeyAuth: []
        paths:
          /files:
            get:
              operationId: listFiles
              tags: [Files]
              summary: List files
              parameters:
                - { name: limit, in: query, schema: { type: integer } }
                - { name: "include[]", in: query, schema: { type: array, items: { type: string } } }
                - { name: ids, in: query, explode: false, schema: { type: array, items: { type: string } } }
                - name: metadata
                  in: query
                  style: deepObject
                  schema:
                    anyOf:
                      - type: object
                        additionalProperties: { type: string }
                      - type: "null"
                - { name: order, in: query, schema: { type: string, enum: [asc, desc] } }
                - { name: event, in: query, required: true, schema: { type: string } }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/FileList" }
                "429":
                  description: slow down
            post:
              operationId: createFile
              tags: [Fine-tuning]
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      required: [file]
                      properties:
                        file: { type: string, format: binary }
                        purpose: { type: string }
              responses:
                "201":
                  description: created
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          id: { type: string }
          /files/{file_id}:
            parameters:
              - { name: file_id, in: path, required: true, schema: { type: string } }
            get:
              operationId: downloadFile
              responses:
                "200":
                  description: the bytes
                  content:
                    application/octet-stream:
                      schema: { type: string, format: binary }
            delete:
              operationId: deleteFile
              deprecated: true
              security:
                - AdminApiKeyAuth: []
              responses:
                "204": { description: gone }
          /responses?beta=true:
            post:
              operationId: betaCreateResponse
              tags: [Responses]
              parameters:
                - name: openai-beta
                  in: header
                  required: true
                  style: simple
                  explode: false
                  schema: { type: array, items: { type: string } }
              requestBody:
                content:
                  multipart/form-data:
                    schema: { type: object, properties: { other: { type: string } } }
                  application/json:
                    schema:
                      type: object
                      properties:
                        input: { type: string }
                        stream:
                          anyOf:
                            - type: boolean
                            - type: "null"
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/FileList" }
                    text/event-stream:
                      schema: { $ref: "#/components/schemas/StreamEvent" }
          /calls:
            post:
              operationId: createCall
              requestBody:
                required: true
                content:
                  application/sdp:
                    schema: { type: string }
              responses:
                "201":
                  description: answer
                  content:
                    application/sdp:
                      schema: { type: string }
          /open:
            get:
              operationId: openEndpoint
              security: []
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { type: array, items: { type: string } }
        components:
          securitySchemes:
            ApiKeyAuth: { type: http, scheme: bearer, description: The API key }
            AdminApiKeyAuth: { type: http, scheme: bearer }
          schemas:
            FileList:
              type: object
              properties:
                data: { type: array, items: { type: string } }
            StreamEvent:
              type: object
              properties:
                type: { type: string }
        """;

    private static readonly ApiModel Model = ParseClean(Spec);

    [Fact]
    public void DocumentLevelFacts()
    {
        Assert.Equal(("Ops", "2.0", "Operations test"), (Model.Title, Model.Version, Model.Description));
        Assert.Equal("https://api.example.com/v1", Model.DefaultServerUrl);
        Assert.Equal("ApiKeyAuth", Model.DefaultSecurityScheme);
        Assert.Equal(
            new[] { ("AdminApiKeyAuth", "AdminApiKey"), ("ApiKeyAuth", "ApiKey") },
            Model.SecuritySchemes.Select(s => (s.Name, s.PropertyName)));
        Assert.Equal(
            new[] { "listFiles", "createFile", "downloadFile", "deleteFile", "betaCreateResponse", "betaCreateResponse", "createCall", "openEndpoint" },
            Model.Operations.Select(o => o.OperationId));
    }

    [Fact]
    public void QueryParametersKeepTheirWireNamesAndStyles()
    {
        var list = Model.Operation("listFiles");
        Assert.Equal(("ListFilesAsync", "GET", "/files", "Files", "List files"), (list.MethodName, list.HttpMethod, list.PathTemplate, list.Group, list.Summary));
        Assert.Equal(
            new[]
            {
                ("limit", "limit", ParameterStyle.Form, false),
                ("include[]", "include", ParameterStyle.Form, false),
                ("ids", "ids", ParameterStyle.FormNoExplode, false),
                ("metadata", "metadata", ParameterStyle.DeepObject, false),
                ("order", "order", ParameterStyle.Form, false),
                ("event", "@event", ParameterStyle.Form, true),
            },
            list.Parameters.Select(p => (p.Name, p.CSharpName, p.Style, p.Required)));
        Assert.All(list.Parameters, p => Assert.Equal(ParameterLocation.Query, p.Location));
        Assert.Equal(TypeRef.MapOf(TypeRef.String), list.Parameters.Single(p => p.Name == "metadata").Type);
        Assert.Equal(TypeRef.Named("ListFilesOrder", NamedTypeKind.Enum), list.Parameters.Single(p => p.Name == "order").Type);
        Assert.Equal(new ResponseModel(ResponseKind.Json, TypeRef.Named("FileList", NamedTypeKind.Object), new[] { "application/json" }.ToEquatableArray()), list.Response);
        Assert.Null(list.Body);
        Assert.Null(list.Streaming);
    }

    [Fact]
    public void MultipartBodiesAndInlineSchemasAreNamedAfterTheOperation()
    {
        var create = Model.Operation("createFile");
        Assert.Equal("FineTuning", create.Group);
        Assert.Equal(new RequestBodyModel(BodyKind.Multipart, "multipart/form-data", TypeRef.Named("CreateFileRequest", NamedTypeKind.Object), true, null), create.Body);
        Assert.Equal(TypeRef.Binary, Model.Type<ObjectTypeModel>("CreateFileRequest").Property("file").Type);
        Assert.Equal(TypeRef.Named("CreateFileResponse", NamedTypeKind.Object), create.Response.Type);
    }

    [Fact]
    public void PathLevelParametersBinaryAndEmptyResponsesAndSecurityOverrides()
    {
        var download = Model.Operation("downloadFile");
        var fileId = Assert.Single(download.Parameters);
        Assert.Equal(("file_id", "fileId", ParameterLocation.Path, true), (fileId.Name, fileId.CSharpName, fileId.Location, fileId.Required));
        Assert.Equal(ResponseKind.Binary, download.Response.Kind);
        Assert.Equal(new[] { "application/octet-stream" }, download.Response.ContentTypes);
        Assert.Null(download.Group);
        Assert.Equal("ApiKeyAuth", download.SecurityScheme);

        var delete = Model.Operation("deleteFile");
        Assert.Equal((ResponseKind.None, true, "AdminApiKeyAuth"), (delete.Response.Kind, delete.Deprecated, delete.SecurityScheme));

        Assert.Null(Model.Operation("openEndpoint").SecurityScheme);
        Assert.Equal(TypeRef.ArrayOf(TypeRef.String), Model.Operation("openEndpoint").Response.Type);
    }

    [Fact]
    public void BetaPathsJsonPreferenceHeadersAndStreaming()
    {
        var forms = Model.Operations.Where(o => o.OperationId == "betaCreateResponse").ToList();
        Assert.Equal(["BetaCreateResponseAsync", "BetaCreateResponseMultipartAsync"], forms.Select(o => o.MethodName));
        var beta = forms[0];
        Assert.Equal(("/responses", "beta=true"), (beta.PathTemplate, beta.FixedQuery));
        var header = Assert.Single(beta.Parameters);
        Assert.Equal(("openai-beta", "openaiBeta", ParameterLocation.Header, ParameterStyle.FormNoExplode), (header.Name, header.CSharpName, header.Location, header.Style));
        Assert.Equal(TypeRef.ArrayOf(TypeRef.String), header.Type);

        // JSON is the main method when both are offered.
        Assert.Equal((BodyKind.Json, "application/json", false), (beta.Body!.Kind, beta.Body.ContentType, beta.Body.Required));
        Assert.Equal(TypeRef.Named("BetaCreateResponseRequest", NamedTypeKind.Object), beta.Body.Type);

        Assert.Equal(ResponseKind.Json, beta.Response.Kind);
        Assert.Equal(new[] { "application/json", "text/event-stream" }, beta.Response.ContentTypes);
        Assert.Equal(new StreamingModel(TypeRef.Named("StreamEvent", NamedTypeKind.Object), "stream"), beta.Streaming);

        // The multipart form is a second method with the same path, parameters and response; its body has no
        // `stream` property, so its streaming call cannot set one.
        var multipart = forms[1];
        Assert.Equal(beta with { MethodName = multipart.MethodName, Body = multipart.Body, Streaming = multipart.Streaming, Names = multipart.Names }, multipart);
        Assert.Equal(
            new OperationMethodNames(
                "BetaCreateResponseMultipartWithResponseAsync", "BetaCreateResponseMultipartStreamingAsync",
                "BetaCreateResponseMultipartStreamingWithResponseAsync", null, "BuildBetaCreateResponseMultipartRequest"),
            multipart.Names);
        Assert.Equal((BodyKind.Multipart, "multipart/form-data"), (multipart.Body!.Kind, multipart.Body.ContentType));
        Assert.Equal(TypeRef.Named("BetaCreateResponseMultipartRequest", NamedTypeKind.Object), multipart.Body.Type);
        Assert.Equal(new StreamingModel(TypeRef.Named("StreamEvent", NamedTypeKind.Object), null), multipart.Streaming);
    }

    [Fact]
    public void OtherContentTypesAreRawBodiesAndBinaryResponses()
    {
        var call = Model.Operation("createCall");
        Assert.Equal(new RequestBodyModel(BodyKind.Raw, "application/sdp", TypeRef.Binary, true, null), call.Body);
        Assert.Equal(ResponseKind.Binary, call.Response.Kind);
    }

    [Fact]
    public void MethodNamesAreUniqueAndPathPlaceholdersAlwaysHaveAParameter()
    {
        var parsed = Parse("""
            openapi: 3.0.0
            info: { title: T, version: "1" }
            paths:
              /certificates/{certificate_id}:
                get:
                  operationId: getCertificate
                  parameters:
                    - { name: cert_id, in: path, required: true, schema: { type: string } }
                  responses: { "204": { description: ok } }
                post:
                  operationId: get-certificate
                  responses: { "204": { description: ok } }
              /things:
                get:
                  responses: { "204": { description: ok } }
            """);

        var model = parsed.Model!;
        Assert.Equal(new[] { "GetCertificateAsync", "GetCertificate2Async", "GetThingsAsync" }, model.Operations.Select(o => o.MethodName));

        // A misspelt path parameter is used for the one placeholder left; a missing one is added as a string.
        var get = model.Operations[0].Parameters.Single();
        Assert.Equal(("certificate_id", "certId", ParameterLocation.Path), (get.Name, get.CSharpName, get.Location));
        var post = model.Operations[1].Parameters.Single();
        Assert.Equal(("certificate_id", "certificateId", TypeRef.String, true), (post.Name, post.CSharpName, post.Type, post.Required));

        Assert.Single(parsed.Diagnostics, d => d.DescriptorId == "TETHER009" && d.MessageArgs[2] == "GetCertificate2Async");
        Assert.Single(parsed.Diagnostics, d => d.DescriptorId == "TETHER010" && d.MessageArgs[2].Contains("it is used for '{certificate_id}'", StringComparison.Ordinal));
        Assert.Single(parsed.Diagnostics, d => d.DescriptorId == "TETHER010" && d.MessageArgs[2].Contains("a string parameter 'certificateId' is added", StringComparison.Ordinal));
        Assert.DoesNotContain(parsed.Diagnostics, d => Severity(d) != Microsoft.CodeAnalysis.DiagnosticSeverity.Info);
    }
}
