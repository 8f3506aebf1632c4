using System.ClientModel.Primitives;
using OpenAI;

namespace Tether.Runtime.Tests.OfficialSdk;

/// <summary>
/// The README's recipe for the official SDK ("Keepalive for the official OpenAI SDK"), with the test server as the
/// endpoint: the tests prove what the README tells users to write.
/// </summary>
internal static class KeepAliveRecipe
{
    /// <summary>The README's <c>NetworkTimeout</c>: the SDK's per-attempt limit, 100 s unless set.</summary>
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromMinutes(10);

    /// <param name="keepAliveClient">From <see cref="TcpKeepAlive.CreateHttpClient(TcpKeepAliveOptions?)"/>; the
    /// transport does not dispose it.</param>
    /// <param name="endpoint">The API's base address, with its <c>/v1</c>.</param>
    public static OpenAIClientOptions Options(HttpClient keepAliveClient, Uri endpoint) => new()
    {
        Endpoint = endpoint,
        Transport = new HttpClientPipelineTransport(keepAliveClient),
        NetworkTimeout = NetworkTimeout,
    };
}
