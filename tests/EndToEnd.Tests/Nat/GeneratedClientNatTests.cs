using System.Globalization;
using Tether.Runtime.Tests.Transport;
using Xunit;
using Xunit.Abstractions;

namespace Tether.EndToEnd.Tests.Nat;

/// <summary>
/// The headline: behind a NAT that forgets idle connections after 5 s (the lab of the transport tests), a chat
/// completion answered after 15 s of silence reaches the generated client — configured with nothing but the base
/// address and shorter keepalive times — while the same generated client on a plain <see cref="HttpClient"/> never
/// gets it. Both run as child processes inside the client namespace; the server answers from the server namespace.
/// </summary>
public sealed class GeneratedClientNatTests(ITestOutputHelper output)
{
    private const int ServerPort = 8080;

    [SkippableFact]
    public async Task ReplyAfterTheNatForgotTheConnection_ReachesTheGeneratedClient_NotOneOnAPlainHttpClient()
    {
        var replyDelay = TimeSpan.FromSeconds(15);
        var bound = TimeSpan.FromSeconds(30);
        var missing = NetworkLab.MissingPrerequisite();
        NetworkProof.SkipUnless(missing is null, missing);
        var (created, failure) = await NetworkLab.CreateAsync();
        NetworkProof.SkipUnless(created is not null, $"could not build the NAT lab here: {failure}");
        await using var lab = created!;
        await using var server = new DelayedChatServer(lab.Listen(NetworkLab.ServerAddress, ServerPort), replyDelay);

        var url = $"http://{NetworkLab.ServerAddress}:{ServerPort}/v1";
        var environment = new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-nat-test" };
        // Short enough to keep a 5 s conntrack entry alive (the defaults, 60 s, are for real NATs: 2–6 minutes).
        string[] keepAlive = ["--time", "2", "--interval", "1", "--count", "3"];
        var generated = NatChildProcess.RunAsync(lab.Client, bound, environment, ["--url", url, "--mode", "generated", .. keepAlive]);
        var plain = NatChildProcess.RunAsync(lab.Client, bound, environment, ["--url", url, "--mode", "plain"]);
        var generatedReport = await generated;
        var plainReport = await plain;

        output.WriteLine($"router forgets idle connections after 5 s; server replies after {replyDelay.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; caller's bound {bound.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        output.WriteLine($"generated client (keepalive 2 s / 1 s / 3): {generatedReport}");
        output.WriteLine($"generated client on a plain HttpClient: {plainReport}");
        output.WriteLine($"server: {server.RequestsReceived} requests received, {server.RepliesSent} replies sent");

        Assert.Equal(2, server.RepliesSent); // both replies left the server; only the NAT decides who gets one
        Assert.Equal("ok", generatedReport.Outcome);
        Assert.Equal(DelayedChatServer.ReplyContent.Replace(' ', '_'), generatedReport.Result["content"]);
        Assert.True(generatedReport.Elapsed >= replyDelay, $"the reply came before the server sent it? {generatedReport.Elapsed}");
        Assert.Equal("timeout", plainReport.Outcome);
    }
}
