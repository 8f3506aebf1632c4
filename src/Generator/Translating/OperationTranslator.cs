using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Microsoft.OpenApi;
using Tether.Generator.Diagnostics;
using Tether.Generator.Model;
using ParameterLocation = Tether.Generator.Model.ParameterLocation;
using ParameterStyle = Tether.Generator.Model.ParameterStyle;
using Tether.Generator.Reading;
using JsonPointer = Tether.Generator.Reading.JsonPointer;

namespace Tether.Generator.Translating;

/// <summary>
/// paths → <see cref="OperationModel"/>s, in document order: method names, parameters (with their wire style),
/// the request body (JSON preferred over multipart, multipart over <c>application/x-www-form-urlencoded</c>, with a
/// second method for the multipart form when JSON and multipart are both offered; anything else raw), the success
/// response and the
/// <c>text/event-stream</c> response, and the security scheme the call uses.
/// </summary>
internal sealed class OperationTranslator(SchemaTranslator translator, AllOfMerger properties, SecurityTranslator security)
{
    private const string EventStream = "text/event-stream";
    private const string Multipart = "multipart/form-data";
    private const string FormUrlEncoded = "application/x-www-form-urlencoded";

    // A fixed order, so that the model does not depend on how the reader stores a path item's operations.
    private static readonly string[] MethodOrder = { "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "QUERY" };

    private static readonly System.Text.RegularExpressions.Regex TemplateVariable = new(@"\{([^{}]+)\}", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private const string AsyncSuffix = "Async";

    private readonly NameScope _methodNames = new();
    private readonly FormBodyTranslator _forms = new(translator, properties);

    public List<OperationModel> Translate(OpenApiDocument document)
    {
        var operations = new List<OperationModel>();
        if (document.Paths is null)
        {
            return operations;
        }

        foreach (var path in document.Paths)
        {
            if (path.Value?.Operations is not { } byMethod)
            {
                continue;
            }

            var pathPointer = JsonPointer.Append("#/paths", path.Key);
            foreach (var entry in byMethod.OrderBy(e => Order(e.Key)).ThenBy(e => e.Key.Method, StringComparer.Ordinal))
            {
                translator.CancellationToken.ThrowIfCancellationRequested();
                if (entry.Value is not null)
                {
                    var operation = Translate(document, path.Key, path.Value, pathPointer, entry.Key.Method, entry.Value);
                    operations.Add(operation);
                    if (MultipartAlternative(entry.Value, operation, JsonPointer.Append(pathPointer, entry.Key.Method.ToLowerInvariant())) is { } multipart)
                    {
                        operations.Add(multipart);
                    }
                }
            }
        }

        return operations;
    }

    private OperationModel Translate(
        OpenApiDocument document, string pathKey, IOpenApiPathItem pathItem, string pathPointer, string method, OpenApiOperation operation)
    {
        var httpMethod = method.ToUpperInvariant();
        var pointer = JsonPointer.Append(pathPointer, method.ToLowerInvariant());
        var query = pathKey.IndexOf('?');
        var template = query >= 0 ? pathKey.Substring(0, query) : pathKey;
        var fixedQuery = query >= 0 && query + 1 < pathKey.Length ? pathKey.Substring(query + 1) : null;

        var baseName = IdentifierRules.PascalCase(operation.OperationId);
        if (baseName.Length == 0)
        {
            baseName = IdentifierRules.TypeName(httpMethod.ToLowerInvariant() + " " + template);
        }

        var (candidate, methodName) = ClaimMethodName(baseName);
        if (candidate != baseName)
        {
            translator.Diagnostics.Add(DiagnosticDescriptors.DuplicateName, pointer, baseName + "Async", pointer, methodName);
            baseName = candidate;
        }

        var parameters = Parameters(pathItem, pathPointer, operation, pointer, baseName, template);
        var body = Body(operation.RequestBody, WrittenAt(operation.RequestBody, "requestBodies", pointer + "/requestBody"), baseName);
        var (response, streaming) = Responses(operation, pointer, baseName);
        streaming = WithStreamFlag(streaming, body, operation);

        var tag = operation.Tags?.FirstOrDefault();
        var group = IdentifierRules.PascalCase(tag?.Name ?? tag?.Reference?.Id);

        return new OperationModel(
            operation.OperationId ?? methodName,
            methodName,
            httpMethod,
            template,
            fixedQuery,
            group.Length == 0 ? null : group,
            operation.Summary,
            operation.Description,
            operation.Deprecated,
            security.SecurityFor(operation, document, pointer),
            parameters,
            body,
            response,
            streaming,
            Pointer: pointer);
    }

    /// <summary>A clash gets its number before the suffix (<c>Foo2Async</c>). Returns the base name used and the method name.</summary>
    private (string BaseName, string MethodName) ClaimMethodName(string baseName)
    {
        var methodName = _methodNames.Claim(baseName, AsyncSuffix, out _);
        return (methodName.Substring(0, methodName.Length - AsyncSuffix.Length), methodName);
    }

    /// <summary>A streaming call sets the body's <c>stream</c> property when the body has one.</summary>
    private StreamingModel? WithStreamFlag(StreamingModel? streaming, RequestBodyModel? body, OpenApiOperation operation)
    {
        if (streaming is null || body is not { Kind: BodyKind.Json or BodyKind.Multipart } || operation.RequestBody?.Content is not { } content)
        {
            return streaming;
        }

        var bodySchema = content.FirstOrDefault(c => MediaTypeOf(c.Key) == body.ContentType).Value?.Schema;
        var hasFlag = bodySchema is not null && properties.PropertyNames(bodySchema).Contains("stream");
        return streaming with { RequestStreamProperty = hasFlag ? "stream" : null };
    }

    /// <summary>
    /// When a body is offered both as JSON and as multipart (image edits, videos, skills, container files), the JSON
    /// form is the operation's method and the multipart form — the one that uploads files — a second method,
    /// <c>{Name}MultipartAsync</c>, with the same parameters, response and streaming.
    /// </summary>
    private OperationModel? MultipartAlternative(OpenApiOperation operation, OperationModel primary, string pointer)
    {
        if (primary.Body is not { Kind: BodyKind.Json } || operation.RequestBody?.Content is not { } content)
        {
            return null;
        }

        var multipart = content.FirstOrDefault(c => MediaTypeOf(c.Key) == Multipart);
        if (multipart.Key is null)
        {
            return null;
        }

        var primaryBase = primary.MethodName.Substring(0, primary.MethodName.Length - "Async".Length);
        var (baseName, methodName) = ClaimMethodName(primaryBase + "Multipart");
        var body = FormBody(operation.RequestBody, multipart, BodyKind.Multipart, pointer + "/requestBody", baseName);
        return primary with
        {
            MethodName = methodName,
            Body = body,
            Streaming = WithStreamFlag(primary.Streaming, body, operation),
        };
    }

    private EquatableArray<ParameterModel> Parameters(
        IOpenApiPathItem pathItem, string pathPointer, OpenApiOperation operation, string pointer, string operationName, string template)
    {
        // Path-level parameters apply unless the operation redefines the same name and location.
        var sources = new List<(IOpenApiParameter Parameter, string Pointer)>();
        var own = operation.Parameters ?? new List<IOpenApiParameter>();
        var shared = pathItem.Parameters ?? new List<IOpenApiParameter>();
        for (var i = 0; i < shared.Count; i++)
        {
            var parameter = shared[i];
            if (parameter is not null && !own.Any(p => p is not null && p.Name == parameter.Name && p.In == parameter.In))
            {
                sources.Add((parameter, JsonPointer.Append(JsonPointer.Append(pathPointer, "parameters"), i)));
            }
        }

        for (var i = 0; i < own.Count; i++)
        {
            if (own[i] is not null)
            {
                sources.Add((own[i], JsonPointer.Append(JsonPointer.Append(pointer, "parameters"), i)));
            }
        }

        var names = new NameScope(IdentifierRules.ReservedParameterNames);
        var result = new List<ParameterModel>(sources.Count);
        foreach (var (parameter, parameterPointer) in sources)
        {
            if (parameter is IOpenApiReferenceHolder { UnresolvedReference: true })
            {
                translator.Diagnostics.Add(DiagnosticDescriptors.UnresolvedReference, parameterPointer + "/$ref", (parameter as OpenApiParameterReference)?.Reference?.ReferenceV3 ?? "$ref", parameterPointer);
                continue;
            }

            if (parameter.Name is not { Length: > 0 } wireName || parameter.In is not { } location)
            {
                continue;
            }

            ParameterLocation modelLocation;
            switch (location)
            {
                case Microsoft.OpenApi.ParameterLocation.Path:
                    modelLocation = ParameterLocation.Path;
                    break;
                case Microsoft.OpenApi.ParameterLocation.Query:
                    modelLocation = ParameterLocation.Query;
                    break;
                case Microsoft.OpenApi.ParameterLocation.Header:
                    modelLocation = ParameterLocation.Header;
                    break;
                default:
                    translator.Diagnostics.Add(
                        DiagnosticDescriptors.UnsupportedConstruct, parameterPointer,
                        location.ToString().ToLowerInvariant() + " parameter '" + wireName + "'", parameterPointer, "nothing (the parameter is not sent)");
                    continue;
            }

            var schema = parameter.Schema ?? parameter.Content?.Values.FirstOrDefault()?.Schema;
            var writtenAt = WrittenAt(parameter, "parameters", parameterPointer);
            var schemaPointer = parameter.Schema is not null ? writtenAt + "/schema" : writtenAt + "/content";
            var use = translator.Resolve(schema, new SchemaSite(schemaPointer, operationName + IdentifierRules.PascalCase(wireName), false, null));

            var candidate = IdentifierRules.ParameterName(wireName);
            var csharpName = names.Claim(candidate, out var renamed);
            if (renamed)
            {
                translator.Diagnostics.Add(DiagnosticDescriptors.DuplicateName, parameterPointer, candidate, parameterPointer, csharpName);
            }

            result.Add(new ParameterModel(
                wireName,
                csharpName,
                modelLocation,
                Style(parameter, modelLocation, parameterPointer),
                use.Type,
                parameter.Required || modelLocation == ParameterLocation.Path,
                parameter.Description,
                parameter.Deprecated));
        }

        MatchTemplate(result, template, names, pointer);
        return result.ToEquatableArray();
    }

    /// <summary>
    /// Makes every <c>{name}</c> of the path template have exactly one path parameter, whatever the spec says: a
    /// generated method must fill every placeholder. One unmatched placeholder and one unmatched path parameter
    /// are taken to be the same (a misspelt name); otherwise unmatched parameters are dropped and missing ones
    /// added as strings. Each fix is reported as a TETHER010 spec finding.
    /// </summary>
    private void MatchTemplate(List<ParameterModel> parameters, string template, NameScope names, string pointer)
    {
        var variables = new List<string>();
        foreach (System.Text.RegularExpressions.Match match in TemplateVariable.Matches(template))
        {
            if (!variables.Contains(match.Groups[1].Value))
            {
                variables.Add(match.Groups[1].Value);
            }
        }

        var unmatchedParameters = parameters.Where(p => p.Location == ParameterLocation.Path && !variables.Contains(p.Name)).ToList();
        var unmatchedVariables = variables.Where(v => !parameters.Any(p => p.Location == ParameterLocation.Path && p.Name == v)).ToList();
        if (unmatchedParameters.Count == 0 && unmatchedVariables.Count == 0)
        {
            return;
        }

        var path = translator.Diagnostics.SpecPath;
        if (unmatchedParameters.Count == 1 && unmatchedVariables.Count == 1)
        {
            var parameter = unmatchedParameters[0];
            parameters[parameters.IndexOf(parameter)] = parameter with { Name = unmatchedVariables[0] };
            translator.Diagnostics.Add(
                DiagnosticDescriptors.SpecValidation, pointer, path, pointer,
                "the path parameter '" + parameter.Name + "' is not in the path; it is used for '{" + unmatchedVariables[0] + "}'");
            return;
        }

        foreach (var parameter in unmatchedParameters)
        {
            parameters.Remove(parameter);
            translator.Diagnostics.Add(
                DiagnosticDescriptors.SpecValidation, pointer, path, pointer,
                "the path parameter '" + parameter.Name + "' is not in the path; it is left out");
        }

        var insertAt = 0;
        foreach (var variable in unmatchedVariables)
        {
            var name = names.Claim(IdentifierRules.ParameterName(variable));
            parameters.Insert(insertAt++, new ParameterModel(variable, name, ParameterLocation.Path, ParameterStyle.FormNoExplode, TypeRef.String, true, null, false));
            translator.Diagnostics.Add(
                DiagnosticDescriptors.SpecValidation, pointer, path, pointer,
                "'{" + variable + "}' in the path has no parameter; a string parameter '" + name + "' is added");
        }
    }

    private ParameterStyle Style(IOpenApiParameter parameter, ParameterLocation location, string pointer)
    {
        if (location != ParameterLocation.Query)
        {
            // Path and header parameters use `style: simple`: arrays comma-separated.
            return ParameterStyle.FormNoExplode;
        }

        switch (parameter.Style)
        {
            case null or Microsoft.OpenApi.ParameterStyle.Form:
                return parameter.Explode ? ParameterStyle.Form : ParameterStyle.FormNoExplode;
            case Microsoft.OpenApi.ParameterStyle.DeepObject:
                return ParameterStyle.DeepObject;
            default:
                translator.Diagnostics.Add(
                    DiagnosticDescriptors.UnsupportedConstruct, pointer,
                    "query style '" + parameter.Style + "' of '" + parameter.Name + "'", pointer, "style form");
                return ParameterStyle.Form;
        }
    }

    private RequestBodyModel? Body(IOpenApiRequestBody? requestBody, string pointer, string operationName)
    {
        if (requestBody?.Content is not { Count: > 0 } content)
        {
            return null;
        }

        var json = content.FirstOrDefault(c => IsJson(c.Key));
        var multipart = content.FirstOrDefault(c => MediaTypeOf(c.Key) == Multipart);
        var urlEncoded = content.FirstOrDefault(c => MediaTypeOf(c.Key) == FormUrlEncoded);
        if (json.Key is null && multipart.Key is null && urlEncoded.Key is not null)
        {
            return _forms.Body(requestBody, urlEncoded, pointer, operationName)
                ?? new RequestBodyModel(BodyKind.Raw, FormUrlEncoded, TypeRef.Binary, requestBody.Required, requestBody.Description);
        }

        var chosen = json.Key is not null ? json : multipart.Key is not null ? multipart : content.First();
        var kind = json.Key is not null ? BodyKind.Json : multipart.Key is not null ? BodyKind.Multipart : BodyKind.Raw;
        return FormBody(requestBody, chosen, kind, pointer, operationName);
    }

    private RequestBodyModel FormBody(
        IOpenApiRequestBody requestBody, KeyValuePair<string, IOpenApiMediaType> form, BodyKind kind, string pointer, string operationName)
    {
        var type = TypeRef.Binary;
        if (kind != BodyKind.Raw)
        {
            var site = new SchemaSite(JsonPointer.Append(JsonPointer.Append(pointer, "content"), form.Key) + "/schema", operationName + "Request", false, null);
            type = translator.Resolve(form.Value?.Schema, site).Type;
        }

        return new RequestBodyModel(kind, MediaTypeOf(form.Key), type, requestBody.Required, requestBody.Description);
    }

    private (ResponseModel Response, StreamingModel? Streaming) Responses(OpenApiOperation operation, string pointer, string operationName)
    {
        var responses = operation.Responses;
        if (responses is null || responses.Count == 0)
        {
            return (new ResponseModel(ResponseKind.None, null, EquatableArray<string>.Empty), null);
        }

        var successes = responses
            .Where(r => IsSuccess(r.Key))
            .OrderBy(r => r.Key.Length == 3 && char.IsDigit(r.Key[1]) ? 0 : 1)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        var chosen = successes.Count > 0 ? successes[0] : responses.FirstOrDefault(r => r.Key == "default");

        StreamingModel? streaming = null;
        foreach (var success in successes)
        {
            if (success.Value?.Content is { } successContent
                && successContent.FirstOrDefault(c => MediaTypeOf(c.Key) == EventStream) is { Key: not null } stream)
            {
                var site = new SchemaSite(ContentPointer(pointer, success, stream.Key), operationName + "StreamEvent", false, null);
                streaming = new StreamingModel(translator.Resolve(stream.Value?.Schema, site).Type, null);
                break;
            }
        }

        if (chosen.Value?.Content is not { Count: > 0 } content)
        {
            return (new ResponseModel(ResponseKind.None, null, EquatableArray<string>.Empty), streaming);
        }

        var contentTypes = content.Keys.Select(MediaTypeOf).ToEquatableArray();
        var json = content.FirstOrDefault(c => IsJson(c.Key));
        if (json.Key is not null)
        {
            var site = new SchemaSite(ContentPointer(pointer, chosen, json.Key), operationName + "Response", false, null);
            var type = translator.Resolve(json.Value?.Schema, site).Type;
            return (new ResponseModel(ResponseKind.Json, type, contentTypes), streaming);
        }

        var kind = content.Keys.Any(k => MediaTypeOf(k) != EventStream) ? ResponseKind.Binary : ResponseKind.None;
        return (new ResponseModel(kind, null, contentTypes), streaming);
    }

    private static string ContentPointer(string operationPointer, KeyValuePair<string, IOpenApiResponse> response, string mediaType)
        => JsonPointer.Append(JsonPointer.Append(WrittenAt(response.Value, "responses", JsonPointer.Append(JsonPointer.Append(operationPointer, "responses"), response.Key)), "content"), mediaType) + "/schema";

    /// <summary>
    /// Where a parameter, request body or response is written: its component when the operation refers to one, so
    /// that the deep <c>$ref</c>s inside it are found at the pointer the reader recorded them under.
    /// </summary>
    private static string WrittenAt(object? part, string componentsFolder, string pointer)
    {
        var reference = part switch
        {
            OpenApiParameterReference parameter => parameter.Reference,
            OpenApiRequestBodyReference body => body.Reference,
            OpenApiResponseReference response => response.Reference,
            _ => null,
        };
        if (reference?.Id is not { } id)
        {
            return pointer;
        }

        var component = JsonPointer.Append("#/components/" + componentsFolder, id);
        return string.Equals(reference.ReferenceV3, component, StringComparison.Ordinal) ? component : pointer;
    }

    private static bool IsSuccess(string status)
        => status.Length == 3 && status[0] == '2' && (char.IsDigit(status[1]) || status[1] is 'X' or 'x');

    internal static string MediaTypeOf(string contentType)
    {
        var semicolon = contentType.IndexOf(';');
        return (semicolon >= 0 ? contentType.Substring(0, semicolon) : contentType).Trim().ToLowerInvariant();
    }

    internal static bool IsJson(string contentType)
    {
        var mediaType = MediaTypeOf(contentType);
        return mediaType == "application/json" || mediaType == "text/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);
    }

    private static int Order(HttpMethod method)
    {
        var index = Array.IndexOf(MethodOrder, method.Method.ToUpperInvariant());
        return index < 0 ? MethodOrder.Length : index;
    }
}
