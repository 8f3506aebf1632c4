using Tether;

namespace Tether.Benchmarks.GeneratorInCsc;

[GenerateClient("openapi/openai.yaml")]
public partial class OpenAIClient;
