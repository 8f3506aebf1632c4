using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Tether.Benchmarks.OpenAIClientModels;
using Tether.Benchmarks.Payloads;
using Tether.Benchmarks.Server;

namespace Tether.Benchmarks.Suites;

/// <summary>
/// Diagnostic companion of suite 1: where Tether's round trip time and allocations go. The generated client on its
/// keepalive transport, then on a plain <see cref="HttpClient"/>; a bare HttpClient on Tether's keepalive handler, on a
/// default handler with automatic decompression on, and on the default one; the bare HttpClient with the generated models
/// (de)serialized by hand; and the JSON work alone.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SuiteConfig.Measure))]
public class ChatRoundTripBreakdownBenchmarks
{
    private OpenAIClient _tetherDefault = null!;
    private OpenAIClient _tetherPlainHttpClient = null!;
    private HttpClient _rawOnKeepAliveHandler = null!;
    private HttpClient _rawOnDecompressingHandler = null!;
    private HttpClient _raw = null!;
    private JsonTypeInfo<CreateChatCompletionResponse> _responseType = null!;
    private JsonTypeInfo<CreateChatCompletionRequest> _requestType = null!;

    [GlobalSetup]
    public void Setup()
    {
        var baseAddress = SharedServer.BaseAddress;
        var slash = new Uri(baseAddress.AbsoluteUri.TrimEnd('/') + "/");
        _tetherDefault = new OpenAIClient(new OpenAIClientOptions { BaseAddress = baseAddress, ApiKey = ChatPayloads.ApiKey });
        _tetherPlainHttpClient = new OpenAIClient(new HttpClient(), new OpenAIClientOptions { BaseAddress = baseAddress, ApiKey = ChatPayloads.ApiKey });
        _rawOnKeepAliveHandler = new HttpClient(TcpKeepAlive.CreateHandler(null, null)) { BaseAddress = slash };
        _rawOnDecompressingHandler = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = slash };
        _raw = new HttpClient { BaseAddress = slash };
        _responseType = (JsonTypeInfo<CreateChatCompletionResponse>)OpenAIClient.JsonOptions.GetTypeInfo(typeof(CreateChatCompletionResponse));
        _requestType = (JsonTypeInfo<CreateChatCompletionRequest>)OpenAIClient.JsonOptions.GetTypeInfo(typeof(CreateChatCompletionRequest));
        ProcessWarmup.Run(TetherDefault, TetherOnPlainHttpClient, RawOnKeepAliveHandler, RawOnDecompressingHandler, Raw, RawWithGeneratedModels);
    }

    [Benchmark(Baseline = true)]
    public async Task<string?> TetherDefault() =>
        (await _tetherDefault.Chat.CreateChatCompletionAsync(ChatClients.TetherRequest()).ConfigureAwait(false)).Choices[0].Message.Content;

    [Benchmark]
    public async Task<string?> TetherOnPlainHttpClient() =>
        (await _tetherPlainHttpClient.Chat.CreateChatCompletionAsync(ChatClients.TetherRequest()).ConfigureAwait(false)).Choices[0].Message.Content;

    [Benchmark]
    public async Task<string> RawOnKeepAliveHandler()
    {
        using var content = new StringContent(ChatPayloads.RequestJson, Encoding.UTF8, "application/json");
        using var response = await _rawOnKeepAliveHandler.PostAsync("chat/completions", content).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
    }

    /// <summary>A default handler with only <see cref="SocketsHttpHandler.AutomaticDecompression"/> on, as Tether's handler has.</summary>
    [Benchmark]
    public async Task<string> RawOnDecompressingHandler()
    {
        using var content = new StringContent(ChatPayloads.RequestJson, Encoding.UTF8, "application/json");
        using var response = await _rawOnDecompressingHandler.PostAsync("chat/completions", content).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
    }

    [Benchmark]
    public async Task<string> Raw()
    {
        using var content = new StringContent(ChatPayloads.RequestJson, Encoding.UTF8, "application/json");
        using var response = await _raw.PostAsync("chat/completions", content).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
    }

    /// <summary>Raw HTTP with Tether's generated models serialized and deserialized by hand.</summary>
    [Benchmark]
    public async Task<string?> RawWithGeneratedModels()
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(ChatClients.TetherRequest(), _requestType));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await _raw.PostAsync("chat/completions", content).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return JsonSerializer.Deserialize(bytes, _responseType)!.Choices[0].Message.Content;
    }

    [Benchmark]
    public string? DeserializeOnly() => JsonSerializer.Deserialize(ChatPayloads.CompletionResponse, _responseType)!.Choices[0].Message.Content;

    [Benchmark]
    public byte[] SerializeRequestOnly() => JsonSerializer.SerializeToUtf8Bytes(ChatClients.TetherRequest(), _requestType);
}
