using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;
using Tether.Generator.Model;
using Tether.Generator.Translating;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;

namespace Tether.Generator.Emitting.Client;

/// <summary>
/// How one operation becomes a method: its parameters in declaration order (required path, query and header
/// parameters, the body or the multipart fields, then the optional ones, the per-call options and the cancellation
/// token), the credential it sends, and what it returns. Decided once, then written by <see cref="OperationMethodEmitter"/>.
/// </summary>
internal sealed class OperationPlan
{
    private readonly NameScope _usedNames = new();

    public OperationPlan(OperationModel model, EmitContext context, SecurityTables security)
    {
        Model = model;
        Security = model.SecurityScheme is { } schemeName && security.Schemes.TryGetValue(schemeName, out var scheme) ? scheme : null;
        SecurityTable = model.Security is { SingleScheme: null } requirement ? security.PropertyOf(requirement) : null;
        NeedsCredentials = Security is not null || model.Security is { AllowsAnonymous: false };

        foreach (var parameter in model.Parameters)
        {
            _usedNames.Claim(Unescaped(parameter.CSharpName));
        }

        var required = new List<MethodParameter>();
        var optional = new List<MethodParameter>();
        AddSpecParameters(required, optional, context);

        if (model.Body is { } body)
        {
            BodyEncoding = body.Kind;
            if ((body.Kind is BodyKind.Multipart or BodyKind.FormUrlEncoded) && context.FindType(body.Type) is ObjectTypeModel form)
            {
                AddFormFields(form, body, required, optional, context);
            }
            else
            {
                // A form body that is not an object has no fields to map; it is sent as JSON instead.
                BodyEncoding = body.Kind is BodyKind.Multipart or BodyKind.FormUrlEncoded ? BodyKind.Json : body.Kind;
                var parameter = CreateBodyParameter(body, context);
                (parameter.IsOptional ? optional : required).Add(parameter);
                BodyParameter = parameter;
                StreamFlagProperty = FindStreamFlagProperty(body, context);
            }
        }

        // Optional query and header parameters follow the optional body, as callers fill the body more often.
        var optionalSpec = optional.FindAll(p => p.Role is ParameterRole.Query or ParameterRole.Header);
        optional.RemoveAll(p => p.Role is ParameterRole.Query or ParameterRole.Header);
        optional.AddRange(optionalSpec);

        var parameters = new List<MethodParameter>(required.Count + optional.Count + 2);
        parameters.AddRange(required);
        parameters.AddRange(optional);

        OptionsParameter = new MethodParameter(Reserve("options", "requestOptions"), RuntimeTypes.RequestOptions + "?", ParameterRole.Options)
        {
            IsOptional = true,
            IsNullable = true,
            DocFallback = "Settings for this call only (timeout, retries, extra headers); <see langword=\"null\"/> uses the client's.",
        };
        CancellationTokenParameter = new MethodParameter(Reserve("cancellationToken", "callCancellationToken"), RuntimeTypes.CancellationToken, ParameterRole.CancellationToken)
        {
            IsOptional = true,
            DefaultValue = "default",
            DocFallback = "Cancels the call.",
        };
        parameters.Add(OptionsParameter);
        parameters.Add(CancellationTokenParameter);
        Parameters = parameters;

        RequestLocal = Reserve("request", "tetherRequest");
        QueryLocal = Reserve("query", "queryString");
        FormLocal = Reserve("form", "formBuilder");
        StreamParameter = Reserve("stream", "asStream");
        PageCursorLocal = Reserve("cursor", "pageCursor");
        PageTokenLocal = Reserve("token", "pageToken");
    }

    public OperationModel Model { get; }

    /// <summary>The one scheme whose credential the call sends, or null (none, or a <see cref="SecurityTable"/>).</summary>
    public SecuritySchemeModel? Security { get; }

    /// <summary>The base-class <c>TetherSecurity</c> property of a requirement of more than one scheme, or null.</summary>
    public string? SecurityTable { get; }

    /// <summary>True when the call fails without a credential (it has a requirement with no anonymous alternative).</summary>
    public bool NeedsCredentials { get; }

    public IReadOnlyList<MethodParameter> Parameters { get; }

    /// <summary>How the body is sent; null without a body. A form body without object schema falls back to JSON.</summary>
    public BodyKind? BodyEncoding { get; }

    /// <summary>The JSON or raw body parameter; null for forms (see the form fields) or no body.</summary>
    public MethodParameter? BodyParameter { get; }

    public MethodParameter OptionsParameter { get; }

    public MethodParameter CancellationTokenParameter { get; }

    /// <summary>
    /// The C# property of the JSON body that holds the <c>stream</c> flag, when it is a boolean: the plain method refuses
    /// a body that asks for a stream (the streaming method is the one that reads it).
    /// </summary>
    public string? StreamFlagProperty { get; }

    /// <summary>Form fields whose value is fixed by the schema (single-value enums): sent, never asked for.</summary>
    public List<(string WireName, string Value)> ConstFormFields { get; } = new();

    public string RequestLocal { get; }

    /// <summary>The request builder's flag choosing the streaming form of the body (operations with a streaming method).</summary>
    public string StreamParameter { get; }

    /// <summary>The auto-paging method's lambda parameters: the page's cursor and token.</summary>
    public string PageCursorLocal { get; }

    public string PageTokenLocal { get; }

    public string QueryLocal { get; }

    public string FormLocal { get; }

    public bool HasQuery => Model.FixedQuery is not null || HasParameters(ParameterRole.Query);

    public bool HasParameters(ParameterRole role)
    {
        foreach (var parameter in Parameters)
        {
            if (parameter.Role == role)
            {
                return true;
            }
        }

        return false;
    }

    public static string Unescaped(string name) => name.StartsWith("@", System.StringComparison.Ordinal) ? name.Substring(1) : name;

    private void AddSpecParameters(List<MethodParameter> required, List<MethodParameter> optional, EmitContext context)
    {
        // Path parameters in the order the path names them, then query and header parameters in spec order.
        var ordered = new List<ParameterModel>();
        foreach (var placeholder in PathTemplate.Placeholders(Model.PathTemplate))
        {
            foreach (var parameter in Model.Parameters)
            {
                if (parameter.Location == ParameterLocation.Path && parameter.Name == placeholder && !ordered.Contains(parameter))
                {
                    ordered.Add(parameter);
                }
            }
        }

        foreach (var parameter in Model.Parameters)
        {
            if (parameter.Location != ParameterLocation.Path)
            {
                ordered.Add(parameter);
            }
        }

        foreach (var parameter in ordered)
        {
            // A path parameter is always required: without it the path does not exist.
            var isRequired = parameter.Required || parameter.Location == ParameterLocation.Path;
            var role = parameter.Location switch
            {
                ParameterLocation.Path => ParameterRole.Path,
                ParameterLocation.Query => ParameterRole.Query,
                _ => ParameterRole.Header,
            };

            var method = new MethodParameter(
                parameter.CSharpName,
                isRequired ? TypeNames.Of(parameter.Type, context) : TypeNames.Nullable(parameter.Type, context),
                role)
            {
                ValueType = parameter.Type,
                WireName = parameter.Name,
                IsOptional = !isRequired,
                IsNullable = !isRequired,
                Style = parameter.Style,
                Description = parameter.Description,
                Deprecated = parameter.Deprecated,
                DocFallback = "The " + XmlDoc.Code(parameter.Name) + " " + role.ToString().ToLowerInvariant() + " parameter.",
            };
            (isRequired ? required : optional).Add(method);
        }
    }

    private MethodParameter CreateBodyParameter(RequestBodyModel body, EmitContext context)
    {
        var name = Reserve("body", "requestBody");
        string type;
        var valueType = body.Type;
        if (BodyEncoding == BodyKind.Raw)
        {
            // Raw bodies are streamed as given; text (e.g. application/sdp) is taken as a string.
            var isText = body.Type.Kind == TypeRefKind.String;
            valueType = isText ? TypeRef.String : TypeRef.Binary;
            type = isText ? "string" : RuntimeTypes.Stream;
        }
        else
        {
            type = TypeNames.Of(body.Type, context);
        }

        return new MethodParameter(name, body.Required ? type : type + "?", ParameterRole.Body)
        {
            ValueType = valueType,
            IsOptional = !body.Required,
            IsNullable = !body.Required,
            WireName = body.ContentType,
            Description = body.Description,
            DocFallback = BodyEncoding == BodyKind.Raw
                ? "The request body, sent as " + XmlDoc.Code(body.ContentType) + "."
                : "The request body.",
        };
    }

    private void AddFormFields(ObjectTypeModel form, RequestBodyModel body, List<MethodParameter> required, List<MethodParameter> optional, EmitContext context)
    {
        var streamFlag = Model.Streaming?.RequestStreamProperty;
        var urlEncoded = body.Kind == BodyKind.FormUrlEncoded;
        foreach (var property in form.Properties)
        {
            if (property.JsonName == streamFlag)
            {
                // Set by the streaming method and left out by the plain one: a caller cannot pick the wrong one.
                continue;
            }

            if (property.ConstValue is { } constant && property.Required)
            {
                ConstFormFields.Add((property.JsonName, constant));
                continue;
            }

            // A URL-encoded form has no file parts (binary properties leave the body untyped, see FormBodyTranslator).
            var kind = urlEncoded ? FormFieldKind.Value : FileKindOf(property.Type, context);
            var isRequired = property.Required && !property.Nullable;
            var type = kind switch
            {
                FormFieldKind.File => RuntimeTypes.FileUpload,
                FormFieldKind.FileList => RuntimeTypes.Enumerable + "<" + RuntimeTypes.FileUpload + ">",
                _ => TypeNames.Of(property.Type, context),
            };

            var parameter = new MethodParameter(Reserve(CamelCase(property.Name)), isRequired ? type : type + "?", ParameterRole.FormField)
            {
                ValueType = kind == FormFieldKind.Value ? property.Type : TypeRef.Binary,
                WireName = property.JsonName,
                FormKind = kind,
                FormEncoding = urlEncoded ? EncodingOf(body, property.JsonName) : null,
                IsOptional = !isRequired,
                IsNullable = !isRequired,
                Description = property.Description,
                Deprecated = property.Deprecated,
                DocFallback = "The " + XmlDoc.Code(property.JsonName) + " field.",
            };
            (isRequired ? required : optional).Add(parameter);
        }
    }

    private static FormFieldEncoding EncodingOf(RequestBodyModel body, string jsonName)
    {
        foreach (var encoding in body.FormEncodings)
        {
            if (encoding.Property == jsonName)
            {
                return encoding;
            }
        }

        return new FormFieldEncoding(jsonName, FormFieldStyle.Form, Explode: true, AsJson: false);
    }

    /// <summary>
    /// Binary properties become file parts; a union with a binary variant (e.g. one image or a list of images) takes
    /// files too, its other variants being JSON-only shapes a form cannot carry.
    /// </summary>
    private static FormFieldKind FileKindOf(TypeRef type, EmitContext context)
    {
        if (type.Kind == TypeRefKind.Binary)
        {
            return FormFieldKind.File;
        }

        if (type.Kind == TypeRefKind.Array && type.Element?.Kind == TypeRefKind.Binary)
        {
            return FormFieldKind.FileList;
        }

        if (context.FindType(type) is UnionTypeModel union)
        {
            var kind = FormFieldKind.Value;
            foreach (var variant in union.Variants)
            {
                var variantKind = FileKindOf(variant.Type, context);
                if (variantKind == FormFieldKind.FileList || (variantKind == FormFieldKind.File && kind == FormFieldKind.Value))
                {
                    kind = variantKind;
                }
            }

            return kind;
        }

        return FormFieldKind.Value;
    }

    private string? FindStreamFlagProperty(RequestBodyModel body, EmitContext context)
    {
        if (Model.Streaming?.RequestStreamProperty is not { } flag || context.FindType(body.Type) is not ObjectTypeModel bodyType)
        {
            return null;
        }

        foreach (var property in bodyType.Properties)
        {
            if (property.JsonName == flag && property.Type.Kind == TypeRefKind.Boolean)
            {
                return property.Name;
            }
        }

        return null;
    }

    private string Reserve(string preferred, string? alternative = null)
    {
        if (!_usedNames.IsTaken(Unescaped(preferred)))
        {
            _usedNames.Claim(Unescaped(preferred));
            return preferred;
        }

        if (alternative is not null && !_usedNames.IsTaken(alternative))
        {
            return _usedNames.Claim(alternative);
        }

        return _usedNames.Claim(Unescaped(alternative ?? preferred));
    }

    /// <summary><c>ExpiresAfter</c> → <c>expiresAfter</c>, <c>URLPath</c> → <c>urlPath</c>, <c>Default</c> → <c>@default</c>.</summary>
    internal static string CamelCase(string pascal)
    {
        var upper = 0;
        while (upper < pascal.Length && char.IsUpper(pascal[upper]))
        {
            upper++;
        }

        // Lower the leading acronym but keep the capital that starts the next word.
        var lowered = upper switch
        {
            0 => 0,
            1 => 1,
            _ when upper == pascal.Length => upper,
            _ when char.IsLower(pascal[upper]) => upper - 1,
            _ => upper,
        };
        var name = pascal.Substring(0, lowered).ToLowerInvariant() + pascal.Substring(lowered);
        if (name.Length == 0)
        {
            return "value";
        }

        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }
}
