namespace Tether.Benchmarks;

/// <summary>The client Tether generates from the full official OpenAI spec, declared as an application would.</summary>
[GenerateClient("openai.yaml")]
public partial class OpenAIClient;
