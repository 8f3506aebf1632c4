using Microsoft.Extensions.AI;

namespace Tether.Extensions.AI;

/// <summary>MEAI's <see cref="ReasoningEffort"/> as chat completions' <c>reasoning_effort</c>.</summary>
internal static class ReasoningEfforts
{
    public static string ToWire(ReasoningEffort effort) => effort switch
    {
        ReasoningEffort.None => "none",
        ReasoningEffort.Low => "low",
        ReasoningEffort.Medium => "medium",
        ReasoningEffort.High => "high",
        ReasoningEffort.ExtraHigh => "xhigh",
        _ => throw new NotSupportedException($"Reasoning effort {effort} has no chat completions value."),
    };
}
