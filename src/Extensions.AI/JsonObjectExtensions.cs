using System.Text.Json.Nodes;

namespace Tether.Extensions.AI;

/// <summary>Sets a request member only when the body does not have it yet (the caller's raw request wins).</summary>
internal static class JsonObjectExtensions
{
    public static void SetIfAbsent(this JsonObject body, string name, string? value)
    {
        if (value is not null && !body.ContainsKey(name))
        {
            body[name] = value;
        }
    }

    public static void SetIfAbsent(this JsonObject body, string name, float? value)
    {
        if (value is { } number && !body.ContainsKey(name))
        {
            body[name] = number;
        }
    }

    public static void SetIfAbsent(this JsonObject body, string name, int? value)
    {
        if (value is { } number && !body.ContainsKey(name))
        {
            body[name] = number;
        }
    }

    public static void SetIfAbsent(this JsonObject body, string name, long? value)
    {
        if (value is { } number && !body.ContainsKey(name))
        {
            body[name] = number;
        }
    }

    public static void SetIfAbsent(this JsonObject body, string name, bool? value)
    {
        if (value is { } flag && !body.ContainsKey(name))
        {
            body[name] = flag;
        }
    }

    public static void SetIfAbsent(this JsonObject body, string name, Func<JsonNode> value)
    {
        if (!body.ContainsKey(name))
        {
            body[name] = value();
        }
    }
}
