namespace Tether.Extensions.AI;

/// <summary>The provider names the adapters report in their metadata (and so in MEAI's OpenTelemetry spans).</summary>
internal static class ProviderNames
{
    /// <summary>
    /// The wire protocol's owner, as OpenTelemetry's <c>gen_ai.provider.name</c> names it: the adapters speak
    /// OpenAI's chat completions and embeddings format, whichever server answers.
    /// </summary>
    public const string OpenAI = "openai";
}
