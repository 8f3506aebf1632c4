using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Tether.Runtime.Tests.Transport;

/// <summary>
/// Proof 4: with HTTP_PROXY set, Tether's handler goes through the proxy like the platform's default, and the
/// connection to the proxy has keepalive. The client runs as a child process because the runtime reads the proxy
/// environment once per process (<see cref="System.Net.Http.HttpClient.DefaultProxy"/> is cached).
/// </summary>
public sealed class ProxyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EnvironmentProxy_IsUsed_AndTheConnectionToItHasKeepAlive()
    {
        await using LoopbackServer origin = await LoopbackServer.StartAsync(IPAddress.Loopback);
        await using var proxy = new LoopbackProxy();
        var url = new Uri($"http://localhost:{origin.Port}/");
        var environment = new Dictionary<string, string?>
        {
            ["HTTP_PROXY"] = proxy.Address.ToString(),
            // Anything else that could steer or bypass the proxy is removed from the child's environment.
            ["http_proxy"] = null,
            ["ALL_PROXY"] = null,
            ["all_proxy"] = null,
            ["NO_PROXY"] = null,
            ["no_proxy"] = null,
            ["REQUEST_METHOD"] = null,
        };

        ChildClientReport report = await ChildClientProcess.RunAsync(
            new ChildClientRequest(url, KeepAlive: true, Options: null, TimeSpan.FromSeconds(20)), environment: environment);

        output.WriteLine($"child: {report.Transcript.Trim()}");
        output.WriteLine($"proxy saw: {string.Join(" | ", proxy.Requests.Select(request => $"{request.Client} {request.RequestLine}"))}");
        Assert.Equal("ok", report.Outcome);
        (IPEndPoint proxyClient, string requestLine) = Assert.Single(proxy.Requests);
        Assert.Equal($"GET {url} HTTP/1.1", requestLine);

        IReadOnlyDictionary<string, string> connection = Assert.Single(report.Connected);
        Assert.Equal($"127.0.0.1:{proxy.Port}", connection["remote"]);
        Assert.Equal(proxyClient.ToString(), connection["local"]);
        Assert.Equal(("1", "60", "60", "5"), (connection["keepalive"], connection["idle"], connection["interval"], connection["count"]));

        // The origin saw the proxy's connection, not the child's.
        Assert.NotEqual(proxyClient.Port, int.Parse(report.Result["body"], CultureInfo.InvariantCulture));
    }
}
