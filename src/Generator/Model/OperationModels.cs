namespace Tether.Generator.Model;

/// <summary>One HTTP operation of the spec.</summary>
/// <param name="MethodName">PascalCase(operationId) + <c>Async</c>, unique within the client.</param>
/// <param name="Group">PascalCase of the operation's tag (the sub-client it sits on), or null for the client itself.</param>
/// <param name="PathTemplate">The path as written, e.g. <c>/files/{file_id}</c>; a query string in the key is split off into <see cref="FixedQuery"/>.</param>
/// <param name="Security">The credentials the call sends, as the spec's requirement says, or null for none.</param>
/// <param name="Pagination">How the operation pages, when it returns one page of a list (see <see cref="PaginationModel"/>).</param>
internal sealed record OperationModel(
    string OperationId,
    string MethodName,
    string HttpMethod,
    string PathTemplate,
    string? FixedQuery,
    string? Group,
    string? Summary,
    string? Description,
    bool Deprecated,
    SecurityRequirementModel? Security,
    EquatableArray<ParameterModel> Parameters,
    RequestBodyModel? Body,
    ResponseModel Response,
    StreamingModel? Streaming,
    PaginationModel? Pagination = null,
    string? Pointer = null,
    OperationMethodNames? Names = null)
{
    /// <summary>The one scheme the call sends when its requirement is exactly one scheme, else null.</summary>
    public string? SecurityScheme => Security?.SingleScheme;
}

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <summary>How a query parameter is written (OpenAPI <c>style</c>/<c>explode</c>).</summary>
internal enum ParameterStyle
{
    /// <summary>Scalars as <c>name=value</c>; arrays repeated (<c>a=1&amp;a=2</c>), the OpenAPI default.</summary>
    Form,
    /// <summary>Arrays comma-separated (<c>a=1,2</c>); also headers (<c>style: simple</c>).</summary>
    FormNoExplode,
    /// <summary>Objects as <c>name[key]=value</c>.</summary>
    DeepObject,
}

/// <summary>A path, query or header parameter.</summary>
/// <param name="Name">The wire name (may hold <c>[]</c> or <c>-</c>).</param>
/// <param name="CSharpName">A camelCase C# parameter name, unique within the method.</param>
internal sealed record ParameterModel(
    string Name,
    string CSharpName,
    ParameterLocation Location,
    ParameterStyle Style,
    TypeRef Type,
    bool Required,
    string? Description,
    bool Deprecated);

internal enum BodyKind
{
    Json,
    Multipart,
    /// <summary><c>application/x-www-form-urlencoded</c> with an object schema: one method parameter per property.</summary>
    FormUrlEncoded,
    /// <summary>Raw bytes or text with a given content type (e.g. <c>application/sdp</c>).</summary>
    Raw,
}

/// <summary>The request body the generated method accepts.</summary>
/// <param name="Type">For JSON and forms: the object type describing the body; for raw: <see cref="TypeRef.Binary"/>.</param>
internal sealed record RequestBodyModel(BodyKind Kind, string ContentType, TypeRef Type, bool Required, string? Description)
{
    /// <summary>For <see cref="BodyKind.FormUrlEncoded"/>: the spec's <c>encoding</c> entries; properties without one use <c>style: form, explode: true</c>.</summary>
    public EquatableArray<FormFieldEncoding> FormEncodings { get; init; } = EquatableArray<FormFieldEncoding>.Empty;
}

internal enum ResponseKind
{
    /// <summary>No content: the method returns <c>Task</c>.</summary>
    None,
    Json,
    /// <summary>Binary content (audio, zip, video): returned as a stream the caller disposes.</summary>
    Binary,
}

/// <summary>What the success response carries.</summary>
internal sealed record ResponseModel(ResponseKind Kind, TypeRef? Type, EquatableArray<string> ContentTypes);

/// <summary>A <c>text/event-stream</c> response, generated as a separate streaming method.</summary>
/// <param name="RequestStreamProperty">The JSON name of the request's <c>stream</c> flag to set to true, if any.</param>
internal sealed record StreamingModel(TypeRef EventType, string? RequestStreamProperty);


