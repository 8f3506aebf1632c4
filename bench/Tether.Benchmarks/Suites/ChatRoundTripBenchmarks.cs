using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Tether.Benchmarks.Payloads;
using Tether.Benchmarks.Server;

namespace Tether.Benchmarks.Suites;

/// <summary>
/// Suite 1: one non-streaming chat completion (about 2 KB answer) against the loopback server, per client. Each call
/// builds its request as an application would and reads the answer's text, so serialization, the HTTP exchange and
/// deserialization are all inside the measurement.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SuiteConfig.Measure))]
public class ChatRoundTripBenchmarks
{
    private ChatClients _clients = null!;

    [GlobalSetup]
    public void Setup()
    {
        _clients = new ChatClients(SharedServer.BaseAddress);
        // Every client must really get the answer: a benchmark of a failing call would measure nothing.
        ExpectAnswer(TetherGenerated().GetAwaiter().GetResult(), nameof(TetherGenerated));
        ExpectAnswer(OpenAISdk().GetAwaiter().GetResult(), nameof(OpenAISdk));
        if (RawHttpClient().GetAwaiter().GetResult() != Encoding.UTF8.GetString(ChatPayloads.CompletionResponse))
        {
            throw new InvalidOperationException("the raw HttpClient did not read the served body");
        }

        ProcessWarmup.Run(TetherGenerated, OpenAISdk, RawHttpClient);
    }

    [GlobalCleanup]
    public void Cleanup() => _clients.Dispose();

    [Benchmark(Description = "Tether (generated)")]
    public async Task<string?> TetherGenerated()
    {
        var completion = await _clients.TetherClient.Chat.CreateChatCompletionAsync(ChatClients.TetherRequest()).ConfigureAwait(false);
        return completion.Choices[0].Message.Content;
    }

    [Benchmark(Baseline = true, Description = "OpenAI SDK 2.15.0")]
    public async Task<string?> OpenAISdk()
    {
        var result = await _clients.SdkClient.CompleteChatAsync(ChatClients.SdkMessages(), ChatClients.SdkOptions()).ConfigureAwait(false);
        return result.Value.Content[0].Text;
    }

    /// <summary>The floor: POST a prepared JSON string and read the answer as a string, no models at all.</summary>
    [Benchmark(Description = "raw HttpClient (floor)")]
    public async Task<string> RawHttpClient()
    {
        using var content = new StringContent(ChatPayloads.RequestJson, Encoding.UTF8, "application/json");
        using var response = await _clients.RawClient.PostAsync("chat/completions", content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
    }

    private static void ExpectAnswer(string? text, string client)
    {
        if (text != ChatPayloads.AnswerText)
        {
            throw new InvalidOperationException(client + " did not return the served answer");
        }
    }
}
