using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using OpenAI.Chat;
using Tether.Benchmarks.Payloads;
using Tether.Benchmarks.Server;

namespace Tether.Benchmarks.Suites;

/// <summary>
/// Suite 2: consume a 500-chunk chat completion stream (the server writes all of it at once), per client. Each client
/// parses every event into its model and reads the token text out of it, as a chat UI would.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SuiteConfig.Measure))]
public class ChatStreamingBenchmarks
{
    private ChatClients _clients = null!;

    [GlobalSetup]
    public void Setup()
    {
        _clients = new ChatClients(SharedServer.BaseAddress);
        ExpectFullText(TetherGenerated().GetAwaiter().GetResult(), nameof(TetherGenerated));
        ExpectFullText(OpenAISdk().GetAwaiter().GetResult(), nameof(OpenAISdk));
        if (RawHttpClient().GetAwaiter().GetResult() != Encoding.UTF8.GetString(ChatPayloads.StreamResponse).Length)
        {
            throw new InvalidOperationException("the raw HttpClient did not read the whole stream");
        }

        ProcessWarmup.Run(TetherGenerated, OpenAISdk, RawHttpClient);
    }

    [GlobalCleanup]
    public void Cleanup() => _clients.Dispose();

    /// <returns>The number of text characters received, so nothing can be optimized away.</returns>
    [Benchmark(Description = "Tether (generated)")]
    public async Task<int> TetherGenerated()
    {
        var characters = 0;
        await foreach (var chunk in _clients.TetherClient.Chat.CreateChatCompletionStreamingAsync(ChatClients.TetherRequest()).ConfigureAwait(false))
        {
            characters += chunk.Choices[0].Delta.Content?.Length ?? 0;
        }

        return characters;
    }

    [Benchmark(Baseline = true, Description = "OpenAI SDK 2.15.0")]
    public async Task<int> OpenAISdk()
    {
        var characters = 0;
        await foreach (StreamingChatCompletionUpdate update in _clients.SdkClient.CompleteChatStreamingAsync(ChatClients.SdkMessages(), ChatClients.SdkOptions()).ConfigureAwait(false))
        {
            foreach (var part in update.ContentUpdate)
            {
                characters += part.Text.Length;
            }
        }

        return characters;
    }

    /// <summary>The floor: POST the streaming request and read the whole event stream as one string, parsing nothing.</summary>
    [Benchmark(Description = "raw HttpClient (floor)")]
    public async Task<int> RawHttpClient()
    {
        using var content = new StringContent(ChatPayloads.StreamingRequestJson, Encoding.UTF8, "application/json");
        using var response = await _clients.RawClient.PostAsync("chat/completions", content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return body.Length;
    }

    private static void ExpectFullText(int characters, string client)
    {
        if (characters != ChatPayloads.StreamedText.Length)
        {
            throw new InvalidOperationException($"{client} read {characters} characters of text, expected {ChatPayloads.StreamedText.Length}");
        }
    }
}
