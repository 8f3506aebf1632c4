using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Tether.Extensions.AI;

/// <summary>
/// A <c>usage</c> object as <see cref="UsageDetails"/>. Counts MEAI has no property for (audio tokens, accepted
/// prediction tokens) go to <see cref="UsageDetails.AdditionalCounts"/> under their JSON path, e.g.
/// <c>prompt_tokens_details.audio_tokens</c>, so none is lost.
/// </summary>
internal static class UsageReader
{
    public static UsageDetails? Read(JsonElement usage)
    {
        if (usage.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var details = new UsageDetails
        {
            InputTokenCount = usage.Integer("prompt_tokens"),
            OutputTokenCount = usage.Integer("completion_tokens"),
            TotalTokenCount = usage.Integer("total_tokens"),
        };

        ReadDetails(usage, "prompt_tokens_details", "cached_tokens", details, static (d, n) => d.CachedInputTokenCount = n);
        ReadDetails(usage, "completion_tokens_details", "reasoning_tokens", details, static (d, n) => d.ReasoningTokenCount = n);
        return details;
    }

    private static void ReadDetails(JsonElement usage, string member, string known, UsageDetails details, Action<UsageDetails, long> setKnown)
    {
        if (!usage.TryGetProperty(member, out var counts) || counts.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var count in counts.EnumerateObject())
        {
            if (count.Value.ValueKind != JsonValueKind.Number || !count.Value.TryGetInt64(out var number))
            {
                continue;
            }

            if (count.NameEquals(known))
            {
                setKnown(details, number);
            }
            else
            {
                (details.AdditionalCounts ??= [])[member + "." + count.Name] = number;
            }
        }
    }
}
