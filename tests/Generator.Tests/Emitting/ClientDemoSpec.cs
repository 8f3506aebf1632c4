using Tether.Generator.Model;
using static Tether.Generator.Tests.Emitting.ModelBuilder;
using ValueKind = Tether.Generator.Model.JsonValueKind;

namespace Tether.Generator.Tests.Emitting;

/// <summary>
/// A small API model with operations, built by hand as the parser would produce it, covering each way an operation
/// can be called: path, query (scalar, enum, array with <c>[]</c>, deepObject, fixed query), header (scalar and
/// comma list) parameters; JSON, multipart (files, a file list, an object field, a const field, the stream flag) and
/// raw bodies; JSON, empty and binary responses; a streaming operation; two bearer schemes; a deprecated operation;
/// tagged groups and untagged operations.
/// </summary>
internal static class ClientDemoSpec
{
    public const string ServerUrl = "https://api.example.com/v1";

    public static TypeModel[] Types { get; } =
    [
        Object(
            "CreateThingRequest",
            Property("name", "Name", TypeRef.String, required: true, description: "What to call it."),
            Property("count", "Count", TypeRef.Int32),
            Property("stream", "Stream", TypeRef.Boolean, nullable: true)),
        Object(
            "Thing",
            Property("id", "Id", TypeRef.String, required: true),
            Property("object", "Object", TypeRef.String, required: true, constValue: "thing"),
            Property("name", "Name", TypeRef.String)),
        Object("ThingEvent", Property("type", "Type", TypeRef.String, required: true), Property("delta", "Delta", TypeRef.String)),
        Enum("SortOrder", ("Asc", "asc"), ("Desc", "desc")),
        Enum("FilePurpose", ("Assistants", "assistants"), ("Batch", "batch")),
        Object(
            "ExpiresAfter",
            Property("anchor", "Anchor", TypeRef.String, required: true, constValue: "created_at"),
            Property("seconds", "Seconds", TypeRef.Int64, required: true)),
        Union(
            "UploadImages",
            null,
            Variant("Binary", TypeRef.Binary, ValueKind.String),
            Variant("BinaryList", TypeRef.ArrayOf(TypeRef.Binary), ValueKind.Array)),
        Object(
            "UploadFileRequest",
            Property("file", "File", TypeRef.Binary, required: true, description: "The file to upload."),
            Property("purpose", "Purpose", EnumRef("FilePurpose"), required: true),
            Property("kind", "Kind", TypeRef.String, required: true, constValue: "upload"),
            Property("expires_after", "ExpiresAfter", ObjectRef("ExpiresAfter")),
            Property("tags", "Tags", TypeRef.ArrayOf(TypeRef.String)),
            Property("images", "Images", UnionRef("UploadImages")),
            Property("temperature", "Temperature", TypeRef.Double),
            Property("stream", "Stream", TypeRef.Boolean, nullable: true),
            Property("default", "Default", TypeRef.Boolean)),
    ];

    public static OperationModel[] Operations { get; } =
    [
        Operation(
            "createThing", "CreateThingAsync", "post", "/things", group: "Things",
            summary: "Creates a thing.",
            description: "Creates a thing.\n\nThe description goes on with <markup> & details.",
            body: new RequestBodyModel(BodyKind.Json, "application/json", ObjectRef("CreateThingRequest"), true, null),
            response: Json(ObjectRef("Thing")),
            streaming: new StreamingModel(ObjectRef("ThingEvent"), "stream")),
        Operation(
            "getThing", "GetThingAsync", "get", "/things/{thing_id}", group: "Things",
            summary: "Returns one thing.",
            parameters:
            [
                Parameter("thing_id", "thingId", ParameterLocation.Path, TypeRef.String, required: true, description: "The thing's id."),
                Parameter("include[]", "include", ParameterLocation.Query, TypeRef.ArrayOf(EnumRef("SortOrder"))),
                Parameter("x-trace", "xTrace", ParameterLocation.Header, TypeRef.String),
                Parameter("version", "version", ParameterLocation.Query, TypeRef.Int32, required: true),
            ],
            response: Json(ObjectRef("Thing"))),
        Operation(
            "listThings", "ListThingsAsync", "get", "/things", group: "Things",
            parameters:
            [
                Parameter("limit", "limit", ParameterLocation.Query, TypeRef.Int32, description: "At most this many."),
                Parameter("order", "order", ParameterLocation.Query, EnumRef("SortOrder")),
                Parameter("metadata", "metadata", ParameterLocation.Query, TypeRef.MapOf(TypeRef.String), style: ParameterStyle.DeepObject),
                Parameter("after", "after", ParameterLocation.Query, TypeRef.String, deprecated: true),
            ],
            response: Json(TypeRef.ArrayOf(ObjectRef("Thing")))),
        Operation(
            "deleteThing", "DeleteThingAsync", "delete", "/things/{thing_id}", group: "Things", deprecated: true,
            parameters: [Parameter("thing_id", "thingId", ParameterLocation.Path, TypeRef.String, required: true)],
            response: new ResponseModel(ResponseKind.None, null, EquatableArray<string>.Empty)),
        Operation(
            "uploadFile", "UploadFileAsync", "post", "/files", group: "Files",
            summary: "Uploads a file.",
            body: new RequestBodyModel(BodyKind.Multipart, "multipart/form-data", ObjectRef("UploadFileRequest"), true, null),
            response: Json(ObjectRef("Thing")),
            streaming: new StreamingModel(ObjectRef("ThingEvent"), "stream")),
        Operation(
            "downloadFile", "DownloadFileAsync", "get", "/files/{file_id}/content", group: "Files",
            parameters: [Parameter("file_id", "fileId", ParameterLocation.Path, TypeRef.String, required: true)],
            response: new ResponseModel(ResponseKind.Binary, TypeRef.Binary, new[] { "application/octet-stream" }.ToEquatableArray())),
        Operation(
            "adminPing", "AdminPingAsync", "get", "/admin/ping", security: "AdminApiKeyAuth",
            description: "Checks the admin key.",
            response: new ResponseModel(ResponseKind.None, null, EquatableArray<string>.Empty)),
        Operation(
            "createBetaThing", "CreateBetaThingAsync", "post", "/things", fixedQuery: "beta=true",
            parameters: [Parameter("openai-beta", "openaiBeta", ParameterLocation.Header, TypeRef.ArrayOf(TypeRef.String), style: ParameterStyle.FormNoExplode)],
            body: new RequestBodyModel(BodyKind.Json, "application/json", ObjectRef("CreateThingRequest"), false, "The thing to create."),
            response: Json(ObjectRef("Thing"))),
        Operation(
            "sendSdp", "SendSdpAsync", "post", "/calls", security: null,
            body: new RequestBodyModel(BodyKind.Raw, "application/sdp", TypeRef.String, true, null),
            response: Json(TypeRef.String)),
    ];

    public static SecuritySchemeModel[] Schemes { get; } =
    [
        new("ApiKeyAuth", "ApiKey", null),
        new("AdminApiKeyAuth", "AdminApiKey", "Admin keys manage the organization."),
    ];

    public static ClientSpec Spec(string @namespace = Namespace) => new(
        new ClientTarget(@namespace, ClientName, "public", "demo.yaml", null, IsValid: true, EquatableArray<DiagnosticInfo>.Empty, ClientSelection.Everything),
        // Planned as the parser plans every model it hands on.
        Generator.Planning.MethodNamePlanner.Plan(
            new ApiModel(
                "Demo",
                null,
                "1.0",
                ServerUrl,
                SecurityRequirementModel.Of("ApiKeyAuth"),
                Types.ToEquatableArray(),
                Operations.ToEquatableArray(),
                Schemes.ToEquatableArray()),
            new Generator.Reading.DiagnosticBag("demo.yaml")));

    private static OperationModel Operation(
        string operationId,
        string methodName,
        string method,
        string path,
        string? group = null,
        string? summary = null,
        string? description = null,
        bool deprecated = false,
        string? security = "ApiKeyAuth",
        ParameterModel[]? parameters = null,
        RequestBodyModel? body = null,
        ResponseModel? response = null,
        StreamingModel? streaming = null,
        string? fixedQuery = null) => new(
            operationId,
            methodName,
            method,
            path,
            fixedQuery,
            group,
            summary,
            description,
            deprecated,
            SecurityRequirementModel.Of(security),
            (parameters ?? []).ToEquatableArray(),
            body,
            response ?? new ResponseModel(ResponseKind.None, null, EquatableArray<string>.Empty),
            streaming);

    private static ParameterModel Parameter(
        string name,
        string csharpName,
        ParameterLocation location,
        TypeRef type,
        bool required = false,
        string? description = null,
        bool deprecated = false,
        ParameterStyle style = ParameterStyle.Form) => new(name, csharpName, location, style, type, required, description, deprecated);

    private static ResponseModel Json(TypeRef type) => new(ResponseKind.Json, type, new[] { "application/json" }.ToEquatableArray());
}
