using System.ClientModel;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using Tether.Runtime.Tests.Pipeline.Support;
using Tether.Runtime.Tests.Transport;
using Xunit;
using Xunit.Abstractions;

namespace Tether.Runtime.Tests.OfficialSdk;

/// <summary>
/// The official OpenAI SDK (and Microsoft.Extensions.AI on top of it) given Tether's transport by the README's recipe:
/// the completion comes back parsed, and the socket that carried it, found by the client port the server saw, has the
/// kernel keepalive settings. The SDK's own transport, on the same call, has none.
/// </summary>
public sealed class RecipeKeepAliveTests(ITestOutputHelper output)
{
    private static readonly ApiKeyCredential Key = new("test-key");

    [Theory]
    [InlineData("ChatClient")]
    [InlineData("AsIChatClient")]
    public async Task OnTheRecipe_TheAnswerComesBackParsed_OnASocketWithKeepAlive(string surface)
    {
        var endpoint = new ChatCompletionEndpoint();
        await using PipelineServer server = await PipelineServer.StartAsync(endpoint.RespondAsync);
        var sockets = new ConcurrentBag<Socket>();
        using HttpClient keepAlive = TcpKeepAlive.CreateHttpClient(null, sockets.Add);
        var chat = new ChatClient(ChatCompletionEndpoint.Model, Key, KeepAliveRecipe.Options(keepAlive, server.BaseAddress));

        string answer = await AskAsync(chat, surface);

        Assert.Equal(ChatCompletionEndpoint.Answer, answer);
        AssertDefaultKeepAlive(CarrierOf(endpoint, sockets));
    }

    [SkippableFact]
    public async Task TheSdksOwnTransport_LeavesKeepAliveOff_WhereTheRecipeTurnsItOn()
    {
        // The SDK's transport never shows its sockets, so both are read from the kernel's socket table.
        Skip.IfNot(SocketTable.IsAvailable, "reads the Linux socket table (/proc/net/tcp)");
        var endpoint = new ChatCompletionEndpoint();
        await using PipelineServer server = await PipelineServer.StartAsync(endpoint.RespondAsync);
        using HttpClient keepAlive = TcpKeepAlive.CreateHttpClient();
        var sdkDefault = new ChatClient(ChatCompletionEndpoint.Model, Key, new OpenAIClientOptions { Endpoint = server.BaseAddress });
        var recipe = new ChatClient(ChatCompletionEndpoint.Model, Key, KeepAliveRecipe.Options(keepAlive, server.BaseAddress));

        await sdkDefault.CompleteChatAsync(new UserChatMessage("ping"));
        await recipe.CompleteChatAsync(new UserChatMessage("ping"));

        Assert.Equal(2, endpoint.ClientPorts.Count);
        // Both connections now sit idle in their pools.
        Assert.Equal(SocketTable.NoTimer, SocketTable.TimerOf(endpoint.ClientPorts[0], server.Root.Port).Kind);
        Assert.Equal(SocketTable.KeepAliveTimer, SocketTable.TimerOf(endpoint.ClientPorts[1], server.Root.Port).Kind);
    }

    /// <summary>One question, asked through the SDK's own <see cref="ChatClient"/> or through Microsoft.Extensions.AI over it.</summary>
    private static async Task<string> AskAsync(ChatClient chat, string surface)
    {
        if (surface == "ChatClient")
        {
            ChatCompletion completion = await chat.CompleteChatAsync(new UserChatMessage("ping"));
            return Assert.Single(completion.Content).Text;
        }

        using IChatClient ai = chat.AsIChatClient();
        ChatResponse response = await ai.GetResponseAsync("ping");
        return response.Text;
    }

    private static Socket CarrierOf(ChatCompletionEndpoint endpoint, ConcurrentBag<Socket> sockets)
    {
        int clientPort = Assert.Single(endpoint.ClientPorts);
        // Single: the keepalive handler opened the one connection the request came in on, so the SDK sent through it.
        return Assert.Single(sockets, socket => ((IPEndPoint)socket.LocalEndPoint!).Port == clientPort);
    }

    private void AssertDefaultKeepAlive(Socket carrier)
    {
        RawKeepAlive seen = RawKeepAlive.Read(carrier);
        output.WriteLine($"{carrier.LocalEndPoint} -> {carrier.RemoteEndPoint}: {seen}");
        Assert.NotEqual(0, seen.Enabled);
        Assert.Equal((60, 60, 5), (seen.IdleSeconds, seen.IntervalSeconds, seen.Count));
    }
}
