namespace Tether.Extensions.Tests.Support;

/// <summary>Options shaped like a generated options class: the common settings plus a key of its own.</summary>
public sealed class ConfiguredClientOptions : TetherClientOptions
{
    public string? ApiKey { get; set; }
}

/// <summary>
/// Stands in for a generated client: built from the factory's <see cref="HttpClient"/> and bound options, sending
/// through a <see cref="TetherPipeline"/> like generated operations do. It exposes what it was built with.
/// </summary>
public sealed class ConfiguredClient
{
    public ConfiguredClient(HttpClient httpClient, ConfiguredClientOptions options)
    {
        HttpClient = httpClient;
        Options = options;
        Pipeline = new TetherPipeline(options, httpClient);
    }

    public HttpClient HttpClient { get; }

    public ConfiguredClientOptions Options { get; }

    public TetherPipeline Pipeline { get; }

    public Task GetAsync(string path) =>
        Pipeline.SendAsync(new TetherRequest(HttpMethod.Get, path) { BearerToken = Options.ApiKey });
}
