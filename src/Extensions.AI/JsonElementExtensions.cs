using System.Text.Json;

namespace Tether.Extensions.AI;

/// <summary>Reads optional members of wire JSON: a member that is absent, null or of another kind reads as null.</summary>
internal static class JsonElementExtensions
{
    public static string? String(this JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static long? Integer(this JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;

    public static DateTimeOffset? UnixTime(this JsonElement element, string name)
        => element.Integer(name) is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
