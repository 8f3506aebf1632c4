namespace Tether.EndToEnd.Tests.Support;

/// <summary>Generated clients pointed at a <see cref="FakeOpenAIServer"/>.</summary>
internal static class TestClients
{
    /// <summary>A key shaped like a real one, so that a leak would be recognisable in any message.</summary>
    public const string ApiKey = "sk-test-e2e-0123456789abcdefSECRET";

    public static OpenAIClient Create(FakeOpenAIServer server, Action<OpenAIClientOptions>? configure = null)
    {
        var options = new OpenAIClientOptions { BaseAddress = server.BaseAddress, ApiKey = ApiKey };
        configure?.Invoke(options);
        return new OpenAIClient(options);
    }
}
