using System.ClientModel;
using OpenAI;
using OpenAI.Chat;
using Tether.Runtime.Tests.Pipeline.Support;
using Xunit;
using Xunit.Abstractions;

namespace Tether.Runtime.Tests.OfficialSdk;

/// <summary>
/// Why the recipe sets <see cref="System.ClientModel.Primitives.ClientPipelineOptions.NetworkTimeout"/> and why
/// <see cref="TcpKeepAlive.CreateHttpClient(TcpKeepAliveOptions?)"/> has no <see cref="HttpClient.Timeout"/>: the SDK's
/// retry policy takes an attempt that ran out of either as a transient failure and sends the call again, 3 times by
/// default. With both at their 100 s defaults, a call the model thinks about for 5 minutes is sent 4 times and never
/// answered. Scaled down here: a 1 s silence against a 500 ms limit.
/// </summary>
public sealed class AttemptTimeoutRetryTests(ITestOutputHelper output)
{
    private static readonly ApiKeyCredential Key = new("test-key");
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ShortLimit = TimeSpan.FromMilliseconds(500);

    [Theory]
    [InlineData("NetworkTimeout")]
    [InlineData("HttpClient.Timeout")]
    public async Task SilenceLongerThanTheLimit_IsSentFourTimes_AndNeverAnswered(string limit)
    {
        var endpoint = new ChatCompletionEndpoint();
        await using PipelineServer server = await PipelineServer.StartAsync(endpoint.RespondAsync);
        await WarmUpAsync(server);
        endpoint.Silence = Silence;
        int warmUpRequests = endpoint.ClientPorts.Count;
        using HttpClient keepAlive = TcpKeepAlive.CreateHttpClient();
        OpenAIClientOptions options = KeepAliveRecipe.Options(keepAlive, server.BaseAddress);
        if (limit == "NetworkTimeout")
        {
            options.NetworkTimeout = ShortLimit;
        }
        else
        {
            keepAlive.Timeout = ShortLimit;
        }

        var chat = new ChatClient(ChatCompletionEndpoint.Model, Key, options);

        AggregateException failure = await Assert.ThrowsAsync<AggregateException>(() => chat.CompleteChatAsync(new UserChatMessage("ping")));

        output.WriteLine(failure.Message);
        // The SDK's account ("Retry failed after 4 tries"), every try ended by the limit (the caller cancelled nothing)...
        Assert.Equal(4, failure.InnerExceptions.Count);
        Assert.All(failure.InnerExceptions, attempt => Assert.IsAssignableFrom<OperationCanceledException>(attempt));
        // ...and the server's: the prompt again with every try that reached it. Not always all four: on a loaded machine
        // a try can stall for longer than the 500 ms limit before its first byte is sent (seen on 2 cores with both target
        // frameworks' test hosts running).
        Assert.InRange(endpoint.ClientPorts.Count - warmUpRequests, 2, 4);
    }

    [Fact]
    public async Task TheSameSilence_OnTheRecipe_IsOneAttempt_AndAnswered()
    {
        var endpoint = new ChatCompletionEndpoint { Silence = Silence };
        await using PipelineServer server = await PipelineServer.StartAsync(endpoint.RespondAsync);
        using HttpClient keepAlive = TcpKeepAlive.CreateHttpClient();
        var chat = new ChatClient(ChatCompletionEndpoint.Model, Key, KeepAliveRecipe.Options(keepAlive, server.BaseAddress));

        ChatCompletion completion = await chat.CompleteChatAsync(new UserChatMessage("ping"));

        Assert.Equal(ChatCompletionEndpoint.Answer, Assert.Single(completion.Content).Text);
        Assert.Single(endpoint.ClientPorts);
    }

    /// <summary>
    /// One unhurried call, on a client of its own: the first SDK call in a process spends most of a second compiling
    /// inside its first attempt, which a short limit would cut before a byte reached the server.
    /// </summary>
    private static async Task WarmUpAsync(PipelineServer server)
    {
        using HttpClient keepAlive = TcpKeepAlive.CreateHttpClient();
        var chat = new ChatClient(ChatCompletionEndpoint.Model, Key, KeepAliveRecipe.Options(keepAlive, server.BaseAddress));
        await chat.CompleteChatAsync(new UserChatMessage("warm-up"));
    }
}
