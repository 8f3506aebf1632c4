using Tether.Generator.Model;

namespace Tether.EndToEnd.Tests.Conformance;

/// <summary>
/// Finds the generated type of an example with the parser's own model: operations by operationId (their JSON
/// response or stream event type), schemas by the JSON pointer every generated type records
/// (<see cref="TypeModel.SchemaPath"/>), taking the nearest enclosing one for an example written deeper inside.
/// </summary>
internal sealed class ExampleTypeMap
{
    private readonly ApiModel _model;
    private readonly Dictionary<string, TypeModel> _bySchemaPath = new(StringComparer.Ordinal);

    public ExampleTypeMap(ApiModel model)
    {
        _model = model;
        foreach (var type in model.Types)
        {
            _bySchemaPath.TryAdd(type.SchemaPath, type);
        }
    }

    /// <summary>The target of <paramref name="example"/>, or null with the reason it has none.</summary>
    public ExampleTarget? Resolve(SpecExample example, ExamplePayload payload, out string? exclusion)
    {
        exclusion = null;
        return example.Origin == ExampleOrigin.OperationResponse
            ? ResolveOperation(example, payload, out exclusion)
            : ResolveSchema(example, out exclusion);
    }

    private ExampleTarget? ResolveOperation(SpecExample example, ExamplePayload payload, out string? exclusion)
    {
        exclusion = null;
        var operation = _model.Operations.FirstOrDefault(o => o.OperationId == example.OperationId);
        if (operation is null)
        {
            exclusion = $"the operation '{example.OperationId}' is not in the generated client";
            return null;
        }

        // An SSE sample, or a sequence of chunks written one after the other, is the operation's event stream.
        if (payload.IsEventStream || (payload.Values.Count > 1 && operation.Streaming is not null))
        {
            if (operation.Streaming is { } streaming)
            {
                return new ExampleTarget(streaming.EventType, [], $"stream events of {operation.OperationId}");
            }

            exclusion = "a text/event-stream sample, but the operation declares no event stream";
            return null;
        }

        if (operation.Response.Kind != ResponseKind.Json || operation.Response.Type is null)
        {
            exclusion = operation.Response.Kind == ResponseKind.None
                ? "the spec declares no content for the operation's success response (the example shows some anyway): no type to read it with"
                : $"the operation's success response is {operation.Response.Kind} ({string.Join(", ", operation.Response.ContentTypes)}), not JSON";
            return null;
        }

        return new ExampleTarget(operation.Response.Type, [], $"response of {operation.OperationId}");
    }

    private ExampleTarget? ResolveSchema(SpecExample example, out string? exclusion)
    {
        exclusion = null;
        if (example.Origin == ExampleOrigin.SchemaKeyword && ContradictsDeclaredType(example) is { } contradiction)
        {
            exclusion = contradiction;
            return null;
        }

        if (example.ParameterName is { } parameterName)
        {
            return ResolveParameter(example, parameterName, out exclusion);
        }

        var segments = example.Segments;
        for (var length = segments.Count; length > 0; length--)
        {
            if (_bySchemaPath.TryGetValue(Pointer(segments, length), out var type))
            {
                return Target(type, segments.Skip(length).ToList(), out exclusion);
            }
        }

        // A nullable wrapper (anyOf [X, null]) hands its place to its only real member: the type is recorded there.
        var pointer = Pointer(segments, segments.Count);
        var members = _bySchemaPath.Keys
            .Where(path => path.StartsWith(pointer + "/anyOf/", StringComparison.Ordinal) || path.StartsWith(pointer + "/oneOf/", StringComparison.Ordinal))
            .Where(path => path.Count(c => c == '/') == pointer.Count(c => c == '/') + 2)
            .ToList();
        if (members.Count == 1)
        {
            return Target(_bySchemaPath[members[0]], [], out exclusion);
        }

        exclusion = $"no generated type at or above {pointer}: the schema (type: {example.DeclaredType ?? "none"}) becomes a built-in .NET value wherever it is used";
        return null;
    }

    private ExampleTarget? ResolveParameter(SpecExample example, string name, out string? exclusion)
    {
        exclusion = null;
        var (path, method) = (example.Segments[1], example.Segments[2]);
        var operation = _model.Operations.FirstOrDefault(o =>
            string.Equals(o.HttpMethod, method, StringComparison.OrdinalIgnoreCase)
            && o.PathTemplate + (o.FixedQuery is null ? string.Empty : "?" + o.FixedQuery) == path);
        var parameter = operation?.Parameters.FirstOrDefault(p => p.Name == name);
        if (operation is null || parameter is null)
        {
            exclusion = $"the parameter '{name}' of {method} {path} is not in the generated client";
            return null;
        }

        if (parameter.Type.Kind == TypeRefKind.Named)
        {
            return new ExampleTarget(parameter.Type, [], $"parameter '{name}' of {operation.OperationId}");
        }

        exclusion = $"the {parameter.Location.ToString().ToLowerInvariant()} parameter '{name}' of {operation.OperationId} is a {parameter.Type.Kind}: its value travels in the {(parameter.Location == ParameterLocation.Header ? "header" : "URL")}, never as JSON, and no generated type holds it";
        return null;
    }

    /// <summary>Why the example contradicts the <c>type</c> written on its own schema, or null when it does not.</summary>
    private static string? ContradictsDeclaredType(SpecExample example)
    {
        if (example.DeclaredType is not { } declared)
        {
            return null;
        }

        using var document = System.Text.Json.JsonDocument.Parse(example.Content);
        var value = document.RootElement;
        var actual = value.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Object => "object",
            System.Text.Json.JsonValueKind.Array => "array",
            System.Text.Json.JsonValueKind.String => "string",
            System.Text.Json.JsonValueKind.Number => value.TryGetInt64(out _) || (value.TryGetDecimal(out var number) && decimal.Truncate(number) == number) ? "integer" : "number",
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "boolean",
            _ => "null",
        };

        var fits = declared == actual || (declared == "number" && actual == "integer");
        return fits ? null : $"the example violates its own schema: it is a JSON {actual} where the schema says type: {declared}";
    }

    private static ExampleTarget? Target(TypeModel type, IReadOnlyList<string> inner, out string? exclusion)
    {
        exclusion = null;
        var kind = type switch
        {
            ObjectTypeModel => NamedTypeKind.Object,
            EnumTypeModel => NamedTypeKind.Enum,
            _ => NamedTypeKind.Union,
        };

        var path = new List<object>();
        for (var i = 0; i < inner.Count;)
        {
            switch (inner[i])
            {
                case "properties" when i + 1 < inner.Count:
                    path.Add(inner[i + 1]);
                    i += 2;
                    break;
                case "items":
                    path.Add(0);
                    i++;
                    break;
                case "additionalProperties":
                    path.Add("example_key");
                    i++;
                    break;
                case "anyOf" or "oneOf" or "allOf" when i + 1 < inner.Count:
                    i += 2; // a member of a composition sits where the composition does
                    break;
                default:
                    exclusion = $"the example sits under '{inner[i]}' of {type.SchemaPath}, which is no position in a JSON value";
                    return null;
            }
        }

        return new ExampleTarget(TypeRef.Named(type.Name, kind), path, $"{type.Name} ({type.SchemaPath})");
    }

    private static string Pointer(IReadOnlyList<string> segments, int length)
        => "#" + string.Concat(segments.Take(length).Select(segment => "/" + segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
}
