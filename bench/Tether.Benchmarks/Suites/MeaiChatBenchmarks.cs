using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Tether.Benchmarks.Payloads;
using Tether.Benchmarks.Server;

namespace Tether.Benchmarks.Suites;

/// <summary>
/// Suite 5: the chat round trip of suite 1 and the 500-event stream of suite 2 through Microsoft.Extensions.AI's
/// <see cref="IChatClient"/>: Tether's generated <c>AsIChatClient</c> against Microsoft.Extensions.AI.OpenAI's
/// <c>AsIChatClient()</c> over the official SDK. The same messages and options for both; each reads the answer's text.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SuiteConfig.Measure))]
public class MeaiChatBenchmarks
{
    private ChatClients _clients = null!;
    private IChatClient _tether = null!;
    private IChatClient _sdk = null!;

    [GlobalSetup]
    public void Setup()
    {
        _clients = new ChatClients(SharedServer.BaseAddress);
        _tether = _clients.TetherClient.AsIChatClient(ChatPayloads.Model);
        _sdk = _clients.SdkClient.AsIChatClient();
        foreach (var (name, call) in new (string, Func<Task<string>>)[] { ("Tether", TetherChat), ("SDK", SdkChat) })
        {
            if (call().GetAwaiter().GetResult() != ChatPayloads.AnswerText)
            {
                throw new InvalidOperationException(name + " through IChatClient did not return the served answer");
            }
        }

        foreach (var (name, call) in new (string, Func<Task<int>>)[] { ("Tether", TetherStream), ("SDK", SdkStream) })
        {
            if (call().GetAwaiter().GetResult() == 0)
            {
                throw new InvalidOperationException(name + " through IChatClient streamed no text");
            }
        }

        ProcessWarmup.Run(TetherChat, SdkChat);
    }

    [GlobalCleanup]
    public void Cleanup() => _clients.Dispose();

    [Benchmark(Description = "chat: Tether AsIChatClient")]
    public async Task<string> TetherChat() => (await _tether.GetResponseAsync(Messages(), Options()).ConfigureAwait(false)).Text;

    [Benchmark(Baseline = true, Description = "chat: MEAI.OpenAI over SDK 2.15.0")]
    public async Task<string> SdkChat() => (await _sdk.GetResponseAsync(Messages(), Options()).ConfigureAwait(false)).Text;

    [Benchmark(Description = "stream: Tether AsIChatClient")]
    public Task<int> TetherStream() => CountTextAsync(_tether);

    [Benchmark(Description = "stream: MEAI.OpenAI over SDK 2.15.0")]
    public Task<int> SdkStream() => CountTextAsync(_sdk);

    private static List<ChatMessage> Messages() =>
    [
        new(ChatRole.System, ChatPayloads.SystemPrompt),
        new(ChatRole.User, ChatPayloads.UserPrompt),
    ];

    private static ChatOptions Options() => new()
    {
        Temperature = (float)ChatPayloads.Temperature,
        MaxOutputTokens = ChatPayloads.MaxCompletionTokens,
    };

    private static async Task<int> CountTextAsync(IChatClient chat)
    {
        var characters = 0;
        await foreach (var update in chat.GetStreamingResponseAsync(Messages(), Options()).ConfigureAwait(false))
        {
            characters += update.Text.Length;
        }

        return characters;
    }
}
