namespace Tether.EndToEnd.Tests;

/// <summary>The client under test, generated from the full official OpenAI spec.</summary>
[GenerateClient("openai.yaml")]
public partial class OpenAIClient
{
}
