namespace Tether.Samples.Quickstart;

/// <summary>The OpenAI client, generated at build time from openapi/openai.yaml.</summary>
[GenerateClient("openapi/openai.yaml")]
public partial class OpenAIClient
{
}
