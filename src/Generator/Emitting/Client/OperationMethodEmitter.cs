using System;
using Tether.Generator.Model;
using Tether.Generator.Planning;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;

namespace Tether.Generator.Emitting.Client;

/// <summary>
/// Writes the method(s) of one operation: the plain call, and for operations that answer with server-sent events a
/// second <c>…StreamingAsync</c> method returning <c>IAsyncEnumerable&lt;TEvent&gt;</c>. A method checks its arguments,
/// describes the call as a <c>TetherRequest</c> (escaped path, query, headers, credential, body) and hands it to the
/// client's <c>TetherPipeline</c>, which owns timeouts, retries, errors and reading the response. Methods are not
/// <c>async</c>: the pipeline's task is returned as is, so argument errors surface at the call.
/// </summary>
internal sealed class OperationMethodEmitter
{
    private readonly EmitContext _context;
    private readonly ClientNames _names;
    private readonly OperationTypeInfoRegistry _typeInfos;
    private readonly WireTextCode _wireText;

    public OperationMethodEmitter(EmitContext context, ClientNames names, OperationTypeInfoRegistry typeInfos)
    {
        _context = context;
        _names = names;
        _typeInfos = typeInfos;
        _wireText = new WireTextCode(context, typeInfos);
    }

    /// <summary>
    /// Every method of one operation: the plain call and its <c>…WithResponseAsync</c> twin, the streaming call and its
    /// twin, the auto-paging method, and the private request builder they share (arguments checked, call described).
    /// </summary>
    /// <param name="client">The expression of the client instance: <c>this</c> on the client, <c>_client</c> in a group.</param>
    /// <param name="isVirtual">Public methods are <c>virtual</c>, so that a test double can override them.</param>
    public void Emit(SourceWriter writer, OperationGroup.Entry entry, string client, bool isVirtual)
    {
        var plan = entry.Plan;
        var modifiers = isVirtual ? "public virtual " : "public ";
        var call = entry.RequestBuilderName + "(" + BuilderArguments(plan, entry.StreamingMethodName is not null ? "false" : null) + ")";
        var token = plan.CancellationTokenParameter.Name;
        var (valueType, send, sendWithResponse, responseType) = PlainForms(plan);

        writer.WriteLine();
        WriteDocs(writer, plan, streaming: false);
        WriteSignature(writer, plan, modifiers + valueType, entry.MethodName);
        writer.WriteLine("    => " + client + ".Pipeline." + send + "(" + call + ReadArgument(plan) + ", " + token + ");");

        writer.WriteLine();
        writer.WriteLine("/// <summary>As <see cref=\"" + entry.MethodName + "\"/>, also returning the response's status, headers, request id and rate limits.</summary>");
        writer.WriteLine("/// <inheritdoc cref=\"" + entry.MethodName + "\"/>");
        writer.WriteLine("/// <returns>" + ResponseReturns(plan) + "</returns>");
        GeneratedAttributes.WriteObsoleteIf(writer, plan.Model.Deprecated);
        WriteSignature(writer, plan, modifiers + responseType, entry.WithResponseMethodName);
        writer.WriteLine("    => " + client + ".Pipeline." + sendWithResponse + "(" + call + ReadArgument(plan) + ", " + token + ");");

        if (entry.StreamingMethodName is { } streamingName && plan.Model.Streaming is { } streaming)
        {
            var eventType = TypeNames.Of(streaming.EventType, _context);
            var streamingCall = entry.RequestBuilderName + "(" + BuilderArguments(plan, "true") + ")";
            var eventInfo = _typeInfos.For(streaming.EventType);
            writer.WriteLine();
            WriteDocs(writer, plan, streaming: true);
            WriteSignature(writer, plan, modifiers + RuntimeTypes.AsyncEnumerable + "<" + eventType + ">", streamingName);
            writer.WriteLine("    => " + client + ".Pipeline.StreamEventsAsync(" + streamingCall + ", " + eventInfo + ", " + token + ");");

            writer.WriteLine();
            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// As <see cref=\"" + streamingName + "\"/>, but sends at once and returns when the response headers arrive: status,");
            writer.WriteLine("/// headers, request id and rate limits are readable before the first event; enumerate the result for the events.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine("/// <inheritdoc cref=\"" + streamingName + "\"/>");
            writer.WriteLine("/// <returns>The response; enumerate it once, or dispose it, to release the connection.</returns>");
            GeneratedAttributes.WriteObsoleteIf(writer, plan.Model.Deprecated);
            WriteSignature(writer, plan, modifiers + RuntimeTypes.Task + "<" + RuntimeTypes.StreamingResponse + "<" + eventType + ">>", entry.StreamingWithResponseMethodName!);
            writer.WriteLine("    => " + client + ".Pipeline.StreamEventsWithResponseAsync(" + streamingCall + ", " + eventInfo + ", " + token + ");");
        }

        if (entry.AutoPagingMethodName is { } pagingName && plan.Model.Pagination is { } pagination)
        {
            WriteAutoPaging(writer, plan, entry.MethodName, pagingName, pagination, modifiers);
        }

        WriteRequestBuilder(writer, entry, client);
    }

    private (string ValueType, string Send, string SendWithResponse, string ResponseType) PlainForms(OperationPlan plan)
    {
        var response = plan.Model.Response;
        switch (response.Kind)
        {
            case ResponseKind.None:
                return (RuntimeTypes.Task, "SendAsync", "SendWithResponseAsync", RuntimeTypes.Task + "<" + RuntimeTypes.ResponseInfo + ">");
            case ResponseKind.Binary:
                return (RuntimeTypes.Task + "<" + RuntimeTypes.ResponseStream + ">", "SendStreamAsync", "SendStreamWithResponseAsync",
                    RuntimeTypes.Task + "<" + RuntimeTypes.Response + "<" + RuntimeTypes.ResponseStream + ">>");
            default:
                var type = TypeNames.Of(response.Type ?? TypeRef.Any, _context);
                return (RuntimeTypes.Task + "<" + type + ">", "SendJsonAsync", "SendJsonWithResponseAsync",
                    RuntimeTypes.Task + "<" + RuntimeTypes.Response + "<" + type + ">>");
        }
    }

    /// <summary>The type metadata argument of the JSON forms (<c>, OperationTypeInfo.X</c>), empty for the others.</summary>
    private string ReadArgument(OperationPlan plan) =>
        plan.Model.Response.Kind == ResponseKind.Json ? ", " + _typeInfos.For(plan.Model.Response.Type ?? TypeRef.Any) : string.Empty;

    private static string ResponseReturns(OperationPlan plan) => plan.Model.Response.Kind switch
    {
        ResponseKind.None => "The response's status, headers, request id and rate limits.",
        ResponseKind.Binary => "The body stream (<see cref=\"" + RuntimeTypes.Response + "{T}.Value\"/>; dispose it) with the response's metadata.",
        _ => "The response body (<see cref=\"" + RuntimeTypes.Response + "{T}.Value\"/>) with the response's metadata.",
    };

    /// <summary>The builder's arguments: every parameter but the token, then the stream flag when there is one.</summary>
    private static string BuilderArguments(OperationPlan plan, string? stream, string? cursorReplacement = null)
    {
        var arguments = new System.Collections.Generic.List<string>(plan.Parameters.Count + 1);
        foreach (var parameter in plan.Parameters)
        {
            if (parameter.Role != ParameterRole.CancellationToken)
            {
                arguments.Add(parameter.Name);
            }
        }

        if (stream is not null)
        {
            arguments.Add(stream);
        }

        return string.Join(", ", arguments);
    }

    private void WriteAutoPaging(SourceWriter writer, OperationPlan plan, string pageMethod, string methodName, PaginationModel pagination, string modifiers)
    {
        var pageTypeRef = plan.Model.Response.Type!;
        var pageType = TypeNames.Of(pageTypeRef, _context);
        var itemsNullable = false;
        if (_context.FindType(pageTypeRef) is ObjectTypeModel page)
        {
            foreach (var property in page.Properties)
            {
                itemsNullable |= property.Name == pagination.ItemsProperty && property.Type.ElementNullable;
            }
        }

        var itemType = TypeNames.Of(pagination.ItemType, _context) + (itemsNullable ? "?" : string.Empty);
        var pageable = RuntimeTypes.Pageable + "<" + pageType + ", " + itemType + ">";
        var cursorParameter = FindCursorParameter(plan, pagination);
        var cursor = plan.PageCursorLocal;
        var token = plan.PageTokenLocal;

        var arguments = new System.Collections.Generic.List<string>(plan.Parameters.Count);
        foreach (var parameter in plan.Parameters)
        {
            arguments.Add(parameter == cursorParameter ? (parameter.IsNullable ? cursor : cursor + "!")
                : parameter.Role == ParameterRole.CancellationToken ? token
                : parameter.Name);
        }

        var hasMore = pagination.HasMoreProperty is { } flag ? "page." + flag + " == true" : null;
        var next = pagination.Source == NextCursorSource.PageField
            ? "page." + pagination.NextCursorProperty
            : "items.Count > 0 ? items[items.Count - 1]?." + pagination.NextCursorProperty + " : null";
        var nextCursor = hasMore is null ? next : hasMore + " ? " + (pagination.Source == NextCursorSource.PageField ? next : "(" + next + ")") + " : null";

        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Every item of the list <see cref=\"" + pageMethod + "\"/> returns a page of, fetched one page per request as you enumerate");
        writer.WriteLine("/// (" + XmlDoc.Code(pagination.Shape) + "); <c>AsPages()</c> gives the pages with their cursors. Nothing is sent until");
        writer.WriteLine("/// enumeration starts; the other arguments apply to every page" + (cursorParameter is null ? "." : ", and <paramref name=\"" + OperationPlan.Unescaped(cursorParameter.Name) + "\"/>"));
        if (cursorParameter is not null)
        {
            writer.WriteLine("/// is where to start (a page's <c>NextCursor</c>, to resume), or <see langword=\"null\"/> for the first page.");
        }

        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <inheritdoc cref=\"" + pageMethod + "\"/>");

        writer.WriteLine("/// <returns>The items of every page, in order.</returns>");
        GeneratedAttributes.WriteObsoleteIf(writer, plan.Model.Deprecated);
        WriteSignature(writer, plan, modifiers + pageable, methodName);
        writer.WriteLine("    => new " + pageable + "(");
        writer.Indent();
        writer.WriteLine("    (" + cursor + ", " + token + ") => " + pageMethod + "(" + string.Join(", ", arguments) + "),");
        writer.WriteLine("    static page => page." + pagination.ItemsProperty + ",");
        writer.WriteLine("    static (page, items) => " + nextCursor + ",");
        writer.WriteLine("    " + (cursorParameter?.Name ?? "null") + ",");
        writer.WriteLine("    " + plan.CancellationTokenParameter.Name + ");");
        writer.Dedent();
    }

    private static MethodParameter? FindCursorParameter(OperationPlan plan, PaginationModel pagination)
    {
        foreach (var parameter in plan.Parameters)
        {
            if (parameter.Role == ParameterRole.Query && parameter.WireName == pagination.CursorParameter)
            {
                return parameter;
            }
        }

        return null;
    }

    private void WriteRequestBuilder(SourceWriter writer, OperationGroup.Entry entry, string client)
    {
        var plan = entry.Plan;
        var streamingName = entry.StreamingMethodName;
        writer.WriteLine();
        writer.WriteLine("private " + RuntimeTypes.Request + " " + entry.RequestBuilderName + "(");
        writer.Indent();
        var declarations = new System.Collections.Generic.List<string>();
        foreach (var parameter in plan.Parameters)
        {
            if (parameter.Role != ParameterRole.CancellationToken)
            {
                declarations.Add(parameter.Type + " " + parameter.Name);
            }
        }

        if (streamingName is not null)
        {
            declarations.Add("bool " + plan.StreamParameter);
        }

        for (var i = 0; i < declarations.Count; i++)
        {
            writer.WriteLine(declarations[i] + (i == declarations.Count - 1 ? ")" : ","));
        }

        writer.Dedent();
        writer.OpenBlock();
        WriteArgumentChecks(writer, plan);
        if (plan.StreamFlagProperty is { } flag && plan.BodyParameter is { } body && streamingName is not null)
        {
            writer.WriteLine("if (!" + plan.StreamParameter + " && " + body.Name + (body.IsNullable ? "?." : ".") + flag + " == true)");
            writer.OpenBlock();
            writer.WriteLine("throw new global::System.ArgumentException(" + CSharpLiteral.String(
                "The body asks for a stream (" + flag + " = true); call " + streamingName + " to read one, or leave " + flag + " unset.")
                + ", nameof(" + body.Name + "));");
            writer.CloseBlock();
            writer.WriteLine();
        }

        WriteRequest(writer, plan, client, streamingName is not null);
        writer.WriteLine("return " + plan.RequestLocal + ";");
        writer.CloseBlock();
    }

    private void WriteDocs(SourceWriter writer, OperationPlan plan, bool streaming)
    {
        var model = plan.Model;
        var operationXml = XmlDoc.Code(model.HttpMethod.ToUpperInvariant() + " " + model.PathTemplate + (model.FixedQuery is null ? string.Empty : "?" + model.FixedQuery))
            + " (" + XmlDoc.Code(model.OperationId) + ")";
        var hasSummary = ClientDocs.HasText(model.Summary);
        var summary = hasSummary ? model.Summary : model.Description;
        XmlDoc.WriteSummary(writer, summary, "The " + XmlDoc.Code(model.OperationId) + " operation.");

        writer.WriteLine("/// <remarks>");
        if (hasSummary && ClientDocs.HasText(model.Description) && !ClientDocs.SameText(model.Summary, model.Description))
        {
            XmlDoc.WriteElement(writer, "para", "para", model.Description, string.Empty);
        }

        writer.WriteLine("/// <para>" + operationXml + ".</para>");
        if (streaming)
        {
            writer.WriteLine(model.Streaming?.RequestStreamProperty is { } flag
                ? "/// <para>Sends " + XmlDoc.Code("\"" + flag + "\": true") + " (the body object is not changed) and reads the response as server-sent events.</para>"
                : "/// <para>Reads the response as server-sent events; the request must ask for them (see the operation's parameters).</para>");
        }

        writer.WriteLine("/// </remarks>");

        foreach (var parameter in plan.Parameters)
        {
            var suffix = parameter.Deprecated ? "(Deprecated.)" : null;
            ClientDocs.WriteParam(writer, parameter.Name, parameter.Description, parameter.DocFallback, suffix);
        }

        if (streaming)
        {
            writer.WriteLine("/// <returns>The events as they arrive. Leaving the loop early, or cancelling, releases the connection.</returns>");
        }
        else
        {
            switch (model.Response.Kind)
            {
                case ResponseKind.None:
                    writer.WriteLine("/// <returns>Completes when the service has answered with a success status.</returns>");
                    break;
                case ResponseKind.Binary:
                    writer.WriteLine("/// <returns>The response body as a stream, returned once the headers arrive; dispose it to release the connection.</returns>");
                    break;
                default:
                    writer.WriteLine("/// <returns>The response body.</returns>");
                    break;
            }
        }

        writer.WriteLine("/// <exception cref=\"" + RuntimeTypes.ApiException + "\">The service answered with an error status (after any retries).</exception>");
        writer.WriteLine("/// <exception cref=\"" + RuntimeTypes.ConnectionException + "\">No response could be obtained (after any retries).</exception>");
        writer.WriteLine("/// <exception cref=\"" + RuntimeTypes.TimeoutException + "\">The per-attempt timeout fired (after any retries).</exception>");
        if (plan.NeedsCredentials)
        {
            writer.WriteLine("/// <exception cref=\"" + RuntimeTypes.CredentialException + "\">No key is configured (in the options or the environment), or the credential callback failed.</exception>");
        }

        GeneratedAttributes.WriteObsoleteIf(writer, model.Deprecated);
    }

    /// <param name="returnType">The modifiers and the return type.</param>
    private static void WriteSignature(SourceWriter writer, OperationPlan plan, string returnType, string methodName)
    {
        writer.WriteLine(returnType + " " + methodName + "(");
        writer.Indent();
        for (var i = 0; i < plan.Parameters.Count; i++)
        {
            writer.WriteLine(plan.Parameters[i].Declaration + (i == plan.Parameters.Count - 1 ? ")" : ","));
        }

        writer.Dedent();
    }

    private static void WriteArgumentChecks(SourceWriter writer, OperationPlan plan)
    {
        var any = false;
        foreach (var parameter in plan.Parameters)
        {
            if (parameter.NeedsNullCheck)
            {
                writer.WriteLine(RuntimeTypes.ArgumentNullException + ".ThrowIfNull(" + parameter.Name + ");");
                any = true;
            }
        }

        if (any)
        {
            writer.WriteLine();
        }
    }

    private void WriteRequest(SourceWriter writer, OperationPlan plan, string client, bool streaming)
    {
        var model = plan.Model;
        var path = PathExpression(plan);
        if (plan.HasQuery)
        {
            WriteQuery(writer, plan);
            path += " + " + plan.QueryLocal;
        }

        if (plan.BodyEncoding is BodyKind.Multipart or BodyKind.FormUrlEncoded)
        {
            WriteForm(writer, plan, streaming);
        }

        writer.WriteLine("var " + plan.RequestLocal + " = new " + RuntimeTypes.Request + "(" + HttpMethodExpression(model.HttpMethod) + ", " + path + ")");
        writer.OpenBlock();
        writer.WriteLine("OperationName = " + CSharpLiteral.String(model.OperationId) + ",");
        if (plan.Security is { } security)
        {
            writer.WriteLine("Credential = " + client + "." + ClientMemberNames.Credential(security) + ",");
        }
        else if (plan.SecurityTable is { } table)
        {
            writer.WriteLine("Security = " + client + "." + table + ",");
        }

        if (ContentExpression(plan, streaming) is { } content)
        {
            writer.WriteLine("Content = " + content + ",");
        }

        writer.WriteLine("Options = " + plan.OptionsParameter.Name + ",");
        writer.CloseBlock(";");
        foreach (var parameter in plan.Parameters)
        {
            if (parameter.Role == ParameterRole.Header)
            {
                writer.WriteLine(plan.RequestLocal + ".AddHeader(" + CSharpLiteral.String(parameter.WireName) + ", " + HeaderValue(parameter) + ");");
            }
        }
    }

    private string PathExpression(OperationPlan plan)
    {
        var pieces = new System.Collections.Generic.List<string>();
        foreach (var part in PathTemplate.Split(plan.Model.PathTemplate))
        {
            if (!part.IsPlaceholder)
            {
                pieces.Add(CSharpLiteral.String(part.Text));
                continue;
            }

            MethodParameter? match = null;
            foreach (var parameter in plan.Parameters)
            {
                if (parameter.Role == ParameterRole.Path && parameter.WireName == part.Text)
                {
                    match = parameter;
                    break;
                }
            }

            // A placeholder without a declared parameter is kept literally (escaped), as the spec wrote it.
            pieces.Add(match is null ? CSharpLiteral.String(Uri.EscapeDataString("{" + part.Text + "}")) : PathSegment(match));
        }

        return pieces.Count == 0 ? "\"\"" : string.Join(" + ", pieces);
    }

    private string PathSegment(MethodParameter parameter)
    {
        var type = parameter.ValueType ?? TypeRef.String;
        var name = parameter.Name;
        var nameOf = "nameof(" + name + ")";
        return type.Kind switch
        {
            TypeRefKind.String or TypeRefKind.Date => RuntimeTypes.UriPath + ".EscapeSegment(" + name + ", " + nameOf + ")",
            TypeRefKind.Int32 or TypeRefKind.Int64 => RuntimeTypes.UriPath + ".EscapeSegment(" + name + ")",
            _ => RuntimeTypes.UriPath + ".EscapeSegment(" + _wireText.Format(type, name) + ", " + nameOf + ")",
        };
    }

    private void WriteQuery(SourceWriter writer, OperationPlan plan)
    {
        var query = plan.QueryLocal;
        writer.WriteLine("var " + query + " = new " + RuntimeTypes.QueryStringBuilder + "();");
        if (plan.Model.FixedQuery is { } fixedQuery)
        {
            foreach (var pair in fixedQuery.Split('&'))
            {
                if (pair.Length == 0)
                {
                    continue;
                }

                var equals = pair.IndexOf('=');
                var name = Uri.UnescapeDataString(equals < 0 ? pair : pair.Substring(0, equals));
                var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(equals + 1));
                writer.WriteLine(query + ".Add(" + CSharpLiteral.String(name) + ", " + CSharpLiteral.String(value) + ");");
            }
        }

        foreach (var parameter in plan.Parameters)
        {
            if (parameter.Role == ParameterRole.Query)
            {
                writer.WriteLine(query + "." + QueryCall(parameter) + ";");
            }
        }
    }

    private string QueryCall(MethodParameter parameter)
    {
        var type = parameter.ValueType ?? TypeRef.Any;
        var name = CSharpLiteral.String(parameter.WireName);
        if (parameter.Style == ParameterStyle.DeepObject && type.Kind != TypeRefKind.Array)
        {
            return "AddDeepObject(" + name + ", " + NullGuard(parameter, v => DeepObjectProperties(type, v)) + ")";
        }

        if (type.Kind == TypeRefKind.Array)
        {
            return parameter.Style == ParameterStyle.FormNoExplode
                ? "Add(" + name + ", " + NullGuard(parameter, v => RuntimeTypes.WireFormat + ".FormatSimpleList(" + _wireText.FormatEach(type, v) + ")") + ")"
                : "AddEach(" + name + ", " + NullGuard(parameter, v => _wireText.FormatEach(type, v)) + ")";
        }

        return "Add(" + name + ", " + ScalarArgument(parameter, type) + ")";
    }

    /// <summary>The argument for the runtime's <c>Add(name, value)</c> overloads (string, bool, long, double), null adding nothing.</summary>
    private string ScalarArgument(MethodParameter parameter, TypeRef type) =>
        type.Kind is TypeRefKind.String or TypeRefKind.Date or TypeRefKind.Boolean or TypeRefKind.Int32 or TypeRefKind.Int64
            or TypeRefKind.Double or TypeRefKind.Single
            ? parameter.Name
            : parameter.IsNullable ? _wireText.FormatNullable(type, parameter.Name) : _wireText.Format(type, parameter.Name);

    private string DeepObjectProperties(TypeRef type, string value)
    {
        if (type.Kind == TypeRefKind.Map && type.Element is { } element && WireTextCode.IsScalar(element))
        {
            var item = type.ElementNullable ? _wireText.FormatNullable(element, "pair.Value") : _wireText.Format(element, "pair.Value");
            return "global::System.Linq.Enumerable.Select(" + value
                + ", static pair => new global::System.Collections.Generic.KeyValuePair<string, string?>(pair.Key, " + item + "))";
        }

        return RuntimeTypes.JsonParameterText + ".DeepObjectPairs(" + _wireText.ToJsonElement(type, value) + ")";
    }

    /// <summary>
    /// The expression <paramref name="build"/> makes from the argument, guarded by a null check when the argument may be
    /// null (a nullable struct is unwrapped with <c>.Value</c>).
    /// </summary>
    private static string NullGuard(MethodParameter parameter, Func<string, string> build)
    {
        var direct = build(parameter.Name);
        if (!parameter.IsNullable || direct == parameter.Name)
        {
            return direct;
        }

        var isValueType = parameter.ValueType is { IsValueType: true };
        var test = isValueType ? parameter.Name + ".HasValue" : parameter.Name + " is not null";
        return "(" + test + " ? " + build(isValueType ? parameter.Name + ".Value" : parameter.Name) + " : null)";
    }

    private string HeaderValue(MethodParameter parameter)
    {
        var type = parameter.ValueType ?? TypeRef.String;
        if (type.Kind == TypeRefKind.Array)
        {
            return NullGuard(parameter, v => RuntimeTypes.WireFormat + ".FormatSimpleList(" + _wireText.FormatEach(type, v) + ")");
        }

        return parameter.IsNullable ? _wireText.FormatNullable(type, parameter.Name) : _wireText.Format(type, parameter.Name);
    }

    private string? ContentExpression(OperationPlan plan, bool streaming)
    {
        switch (plan.BodyEncoding)
        {
            case null:
                return null;
            case BodyKind.Multipart or BodyKind.FormUrlEncoded:
                return plan.FormLocal + ".Build()";
        }

        var body = plan.BodyParameter!;
        var bodyType = body.ValueType ?? TypeRef.Any;
        if (plan.BodyEncoding == BodyKind.Raw)
        {
            var contentType = CSharpLiteral.String(body.WireName);
            return NullGuard(body, v => bodyType.Kind == TypeRefKind.String
                ? RuntimeTypes.RequestContent + ".Bytes(global::System.Text.Encoding.UTF8.GetBytes(" + v + "), " + contentType + ")"
                : RuntimeTypes.RequestContent + ".Stream(" + v + ", " + contentType + ")");
        }

        var typeInfo = _typeInfos.For(bodyType);
        var plain = NullGuard(body, v => RuntimeTypes.RequestContent + ".Json(" + v + ", " + typeInfo + ")");
        if (streaming && plan.Model.Streaming?.RequestStreamProperty is { } flag)
        {
            // The flag is added to the serialized JSON, so the caller's object is never changed (it may be shared).
            var json = NullGuard(body, v => "global::System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(" + v + ", " + typeInfo + ")");
            return plan.StreamParameter + " ? " + RuntimeTypes.RequestContent + ".Bytes(" + RuntimeTypes.StreamFlag + ".Set(" + json + ", "
                + CSharpLiteral.String(flag) + "), \"application/json\") : " + plain;
        }

        return plain;
    }

    private void WriteForm(SourceWriter writer, OperationPlan plan, bool streaming)
    {
        var form = plan.FormLocal;
        var urlEncoded = plan.BodyEncoding == BodyKind.FormUrlEncoded;
        writer.WriteLine("var " + form + " = new " + (urlEncoded ? RuntimeTypes.FormUrlEncodedBuilder : RuntimeTypes.MultipartFormBuilder) + "();");
        foreach (var (wireName, value) in plan.ConstFormFields)
        {
            writer.WriteLine(form + ".Add(" + CSharpLiteral.String(wireName) + ", " + CSharpLiteral.String(value) + ");");
        }

        foreach (var parameter in plan.Parameters)
        {
            if (parameter.Role == ParameterRole.FormField && parameter.FormEncoding is { } encoding)
            {
                WriteUrlEncodedField(writer, form, parameter, encoding);
            }
            else if (parameter.Role == ParameterRole.FormField)
            {
                WriteFormField(writer, form, parameter);
            }
        }

        if (streaming && plan.Model.Streaming?.RequestStreamProperty is { } flag)
        {
            writer.WriteLine("if (" + plan.StreamParameter + ")");
            writer.OpenBlock();
            writer.WriteLine(form + ".Add(" + CSharpLiteral.String(flag) + ", true);");
            writer.CloseBlock();
        }
    }

    private void WriteFormField(SourceWriter writer, string form, MethodParameter parameter)
    {
        var name = CSharpLiteral.String(parameter.WireName);
        var type = parameter.ValueType ?? TypeRef.Any;
        switch (parameter.FormKind)
        {
            case FormFieldKind.File:
                writer.WriteLine(form + ".AddFile(" + name + ", " + parameter.Name + ");");
                return;
            case FormFieldKind.FileList:
                // OpenAI's convention for repeated fields (and PHP's, Rails'): image[]=…&image[]=….
                writer.WriteLine(form + ".AddFiles(" + CSharpLiteral.String(parameter.WireName + "[]") + ", " + parameter.Name + ");");
                return;
        }

        if (type.Kind == TypeRefKind.Array && type.Element is { } element && WireTextCode.IsScalar(element))
        {
            writer.WriteLine(form + ".AddEach(" + CSharpLiteral.String(parameter.WireName + "[]") + ", " + NullGuard(parameter, v => _wireText.FormatEach(type, v)) + ");");
            return;
        }

        if (WireTextCode.IsScalar(type))
        {
            writer.WriteLine(form + ".Add(" + name + ", " + ScalarArgument(parameter, type) + ");");
            return;
        }

        // Objects, unions, lists of objects and raw JSON: written from their JSON, strings as text and objects as
        // name[key] fields, the form encoding OpenAI reads (e.g. expires_after[anchor]).
        WriteWhenSet(writer, parameter, v => form + ".AddJsonField(" + name + ", " + _wireText.ToJsonElement(type, v) + ");");
    }

    /// <summary>
    /// One field of an <c>application/x-www-form-urlencoded</c> body, as its <c>encoding</c> entry says: scalars as
    /// text; arrays of scalars repeated (explode), joined by their style's delimiter, or as <c>name[]</c> (deepObject);
    /// objects as their own members (form, explode), one <c>k,v,…</c> pair (form) or nested in brackets (deepObject);
    /// a JSON <c>contentType</c> as the value's JSON text.
    /// </summary>
    private void WriteUrlEncodedField(SourceWriter writer, string form, MethodParameter parameter, FormFieldEncoding encoding)
    {
        var name = CSharpLiteral.String(parameter.WireName);
        var type = parameter.ValueType ?? TypeRef.Any;
        if (encoding.AsJson)
        {
            WriteWhenSet(writer, parameter, v => form + ".AddJson(" + name + ", " + v + ", " + _typeInfos.For(type) + ");");
            return;
        }

        if (WireTextCode.IsScalar(type))
        {
            writer.WriteLine(form + ".Add(" + name + ", " + ScalarArgument(parameter, type) + ");");
            return;
        }

        var isScalarList = type.Kind == TypeRefKind.Array && type.Element is { } element && WireTextCode.IsScalar(element);
        if (isScalarList && encoding.Style != FormFieldStyle.DeepObject)
        {
            var items = NullGuard(parameter, v => _wireText.FormatEach(type, v));
            writer.WriteLine(encoding.Explode
                ? form + ".AddEach(" + name + ", " + items + ");"
                : form + ".AddDelimited(" + name + ", " + items + ", " + "'" + Delimiter(encoding.Style) + "'" + ");");
            return;
        }

        var isObject = type.Kind == TypeRefKind.Map || _context.FindType(type) is ObjectTypeModel;
        var call = encoding.Style == FormFieldStyle.Form && isObject
            ? (encoding.Explode ? form + ".AddMembers(" : form + ".AddObject(" + name + ", ")
            : form + ".AddDeepObject(" + name + ", ";
        WriteWhenSet(writer, parameter, v => call + _wireText.ToJsonElement(type, v) + ");");
    }

    private static char Delimiter(FormFieldStyle style) => style switch
    {
        FormFieldStyle.SpaceDelimited => ' ',
        FormFieldStyle.PipeDelimited => '|',
        _ => ',',
    };

    /// <summary>The statement <paramref name="build"/> makes from the argument, inside a null check when the argument may be null.</summary>
    private static void WriteWhenSet(SourceWriter writer, MethodParameter parameter, Func<string, string> build)
    {
        if (!parameter.IsNullable)
        {
            writer.WriteLine(build(parameter.Name));
            return;
        }

        var isValueType = parameter.ValueType is { IsValueType: true };
        writer.WriteLine("if (" + parameter.Name + (isValueType ? ".HasValue)" : " is not null)"));
        writer.OpenBlock();
        writer.WriteLine(build(isValueType ? parameter.Name + ".Value" : parameter.Name));
        writer.CloseBlock();
        writer.WriteLine();
    }

    private static string HttpMethodExpression(string method) => method.ToUpperInvariant() switch
    {
        "GET" => RuntimeTypes.HttpMethod + ".Get",
        "POST" => RuntimeTypes.HttpMethod + ".Post",
        "PUT" => RuntimeTypes.HttpMethod + ".Put",
        "DELETE" => RuntimeTypes.HttpMethod + ".Delete",
        "PATCH" => RuntimeTypes.HttpMethod + ".Patch",
        "HEAD" => RuntimeTypes.HttpMethod + ".Head",
        "OPTIONS" => RuntimeTypes.HttpMethod + ".Options",
        "TRACE" => RuntimeTypes.HttpMethod + ".Trace",
        var other => "new " + RuntimeTypes.HttpMethod + "(" + CSharpLiteral.String(other) + ")",
    };
}
