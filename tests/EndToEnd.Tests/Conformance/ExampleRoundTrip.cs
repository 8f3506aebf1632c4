using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Tether.Generator.Model;
using Tether.Generator.Tests.Support;
using JsonValueKind = System.Text.Json.JsonValueKind;

namespace Tether.EndToEnd.Tests.Conformance;

/// <summary>
/// Deserializes an example into its generated type with <see cref="OpenAIClient.JsonOptions"/>, serializes it back,
/// and compares the example's part of both semantically (<see cref="JsonSemantic"/>).
/// </summary>
internal static class ExampleRoundTrip
{
    private static readonly string ModelsNamespace = typeof(OpenAIClient).Namespace + ".OpenAIClientModels";

    /// <summary>Null when the example survives the round trip; otherwise what was lost or changed, and where.</summary>
    public static string? FindLoss(ExampleTarget target, string exampleJson)
    {
        var rootJson = Wrap(exampleJson, target.Path);
        using var expected = JsonDocument.Parse(rootJson);
        return Check(target.Type, expected.RootElement, rootJson, target.Path);
    }

    private static string? Check(TypeRef type, JsonElement expected, string expectedJson, IReadOnlyList<object> path)
    {
        // Lists and maps as a whole (a few responses) have no type info of their own in the options: test each element.
        if (type.Kind is TypeRefKind.Array or TypeRefKind.Map && path.Count == 0 && type.Element is { } element)
        {
            var isArray = type.Kind == TypeRefKind.Array;
            if (expected.ValueKind != (isArray ? JsonValueKind.Array : JsonValueKind.Object))
            {
                return $"$: the example is a JSON {expected.ValueKind}, the type a {(isArray ? "list" : "map")}";
            }

            var items = isArray
                ? expected.EnumerateArray().Select((item, index) => ($"[{index}]", item))
                : expected.EnumerateObject().Select(member => ("." + member.Name, member.Value));
            foreach (var (position, item) in items)
            {
                if (Check(element, item, item.GetRawText(), []) is { } loss)
                {
                    return "$" + position + " → " + loss;
                }
            }

            return null;
        }

        if (ClrType(type) is not { } clrType)
        {
            return $"no .NET type for {type.Kind} {type.Name}";
        }

        JsonTypeInfo info;
        try
        {
            info = OpenAIClient.JsonOptions.GetTypeInfo(clrType);
        }
        catch (NotSupportedException exception)
        {
            return $"OpenAIClient.JsonOptions has no type info for {clrType.Name}: {exception.Message}";
        }

        string written;
        try
        {
            // Any exception is a finding (a converter bug shows up as NullReference or InvalidCast): report, don't crash.
            var value = JsonSerializer.Deserialize(expectedJson, info);
            written = JsonSerializer.Serialize(value, info);
        }
        catch (Exception exception)
        {
            // The serializer wraps a converter's own error; the inner one says what was wrong with the value.
            var inner = exception.InnerException is { } cause ? $" ({cause.GetType().Name}: {cause.Message})" : string.Empty;
            return $"the round trip threw {exception.GetType().Name}: {exception.Message}{inner}";
        }

        using var actual = JsonDocument.Parse(written);
        var expectedPart = Navigate(expected, path);
        var actualPart = Navigate(actual.RootElement, path);
        var where = new ExampleTarget(type, path, string.Empty).PathText;
        if (actualPart is null)
        {
            return $"{where}: missing after the round trip; written: {Shorten(written)}";
        }

        var difference = JsonSemantic.FindDifference(expectedPart!.Value, actualPart.Value, where);
        return difference is null ? null : $"{difference}; written: {Shorten(written)}";
    }

    private static Type? ClrType(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Named => typeof(OpenAIClient).Assembly.GetType(ModelsNamespace + "." + type.Name),
        TypeRefKind.String or TypeRefKind.Date => typeof(string),
        TypeRefKind.Boolean => typeof(bool),
        TypeRefKind.Int32 => typeof(int),
        TypeRefKind.Int64 => typeof(long),
        TypeRefKind.Double => typeof(double),
        TypeRefKind.Single => typeof(float),
        TypeRefKind.Any => typeof(JsonElement),
        TypeRefKind.UnixTime => typeof(DateTimeOffset),
        _ => null,
    };

    /// <summary>The example placed at <paramref name="path"/> inside otherwise empty objects and arrays.</summary>
    private static string Wrap(string exampleJson, IReadOnlyList<object> path)
    {
        var node = JsonNode.Parse(exampleJson);
        for (var i = path.Count - 1; i >= 0; i--)
        {
            node = path[i] is int ? new JsonArray(node) : new JsonObject { [(string)path[i]] = node };
        }

        return YamlToJson.Write(node);
    }

    private static JsonElement? Navigate(JsonElement root, IReadOnlyList<object> path)
    {
        var current = root;
        foreach (var step in path)
        {
            if (step is int index)
            {
                if (current.ValueKind != JsonValueKind.Array || current.GetArrayLength() <= index)
                {
                    return null;
                }

                current = current[index];
            }
            else if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty((string)step, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static string Shorten(string json) => json.Length <= 400 ? json : json[..400] + "…";
}
