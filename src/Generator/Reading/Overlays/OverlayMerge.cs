using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.Overlays;

/// <summary>
/// How an <c>update</c> value goes into a selected node, by the Overlay Specification (1.0, with the merge rules 1.1
/// spells out): into an object, its members merge recursively — a member only in the update is added, objects merge,
/// arrays are concatenated, a primitive replaces a primitive; into an array, an array update is concatenated and any
/// other value appended; a selected primitive is replaced by a primitive. Other pairings are conflicts, reported and
/// left as they were: the overlay should first remove what it means to replace.
/// </summary>
internal static class OverlayMerge
{
    /// <summary>A value the update could not put in place: where in the update, where in the spec, and why.</summary>
    public sealed record Conflict(string UpdatePointer, string SpecPointer, string Reason);

    /// <summary>Merges <paramref name="update"/> into the selected node; the update itself is never shared, only copied.</summary>
    public static void Apply(JsonPath.JsonPathNode selected, JsonNode? update, string updatePointer, List<Conflict> conflicts)
    {
        var specPointer = selected.Pointer;
        switch (selected.Value)
        {
            case JsonObject target when update is JsonObject members:
                MergeObject(target, members, updatePointer, specPointer, conflicts);
                break;
            case JsonArray target:
                Append(target, update);
                break;
            case JsonObject:
                conflicts.Add(new Conflict(updatePointer, specPointer, "the update is a " + KindOf(update) + ", and only an object can be merged into an object"));
                break;
            default:
                if (update is JsonObject or JsonArray)
                {
                    conflicts.Add(new Conflict(updatePointer, specPointer, "the target is a " + KindOf(selected.Value) + "; to put an " + KindOf(update) + " there, target the object holding it"));
                }
                else if (selected.Parent is JsonObject parentObject)
                {
                    parentObject[selected.Name!] = update?.DeepClone();
                }
                else if (selected.Parent is JsonArray parentArray)
                {
                    parentArray[selected.Index] = update?.DeepClone();
                }

                break;
        }
    }

    private static void MergeObject(JsonObject target, JsonObject update, string updatePointer, string specPointer, List<Conflict> conflicts)
    {
        foreach (var member in update)
        {
            var memberUpdatePointer = JsonPointer.Append(updatePointer, member.Key);
            var memberSpecPointer = JsonPointer.Append(specPointer, member.Key);
            if (!target.TryGetPropertyValue(member.Key, out var existing) || IsNull(existing))
            {
                target[member.Key] = member.Value?.DeepClone();
                continue;
            }

            switch (existing)
            {
                case JsonObject existingObject when member.Value is JsonObject memberObject:
                    MergeObject(existingObject, memberObject, memberUpdatePointer, memberSpecPointer, conflicts);
                    break;
                case JsonArray existingArray when member.Value is JsonArray:
                    Append(existingArray, member.Value);
                    break;
                case JsonObject or JsonArray when IsNull(member.Value):
                    // An empty key (`components:`) over a structure, as the specification's own structured example
                    // writes them, means "nothing to change here".
                    break;
                case JsonValue when member.Value is not (JsonObject or JsonArray):
                    target[member.Key] = member.Value?.DeepClone();
                    break;
                default:
                    conflicts.Add(new Conflict(
                        memberUpdatePointer,
                        memberSpecPointer,
                        "the spec has a " + KindOf(existing) + " there and the update a " + KindOf(member.Value) + "; remove it in an earlier action to replace it"));
                    break;
            }
        }
    }

    private static void Append(JsonArray target, JsonNode? update)
    {
        if (update is JsonArray items)
        {
            foreach (var item in items)
            {
                target.Add(item?.DeepClone());
            }

            return;
        }

        target.Add(update?.DeepClone());
    }

    /// <summary>JSON null, or the marker string OpenAPI.NET's YAML reading puts where YAML says <c>null</c>.</summary>
    private static bool IsNull(JsonNode? node) => node is null || JsonNullSentinel.IsJsonNullSentinel(node);

    private static string KindOf(JsonNode? node) => IsNull(node)
        ? "null"
        : node!.GetValueKind() switch
        {
            JsonValueKind.Object => "object",
            JsonValueKind.Array => "array",
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            _ => "boolean",
        };
}
