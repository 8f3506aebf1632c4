using System;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenAI;
using OpenAI.Responses;
using Tether.Benchmarks.Payloads;
using TetherResponse = Tether.Benchmarks.OpenAIClientModels.Response;

namespace Tether.Benchmarks.Suites;

/// <summary>
/// Suite 3: JSON alone, no HTTP. A ~200 KB Responses API object is read from UTF-8 bytes and written back to UTF-8
/// bytes, by Tether's generated converters (through <see cref="OpenAIClient.JsonOptions"/>) and by the SDK's own model
/// serialization (<see cref="ModelReaderWriter"/> with its source-generated <see cref="OpenAIContext"/>).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SuiteConfig.Measure))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ResponsesJsonBenchmarks
{
    private const string Read = "deserialize";
    private const string Write = "serialize";

    private static readonly ModelReaderWriterOptions SdkWireFormat = new("J");

    private readonly byte[] _json = ResponsesPayload.Json;
    private BinaryData _jsonData = null!;
    private JsonTypeInfo<TetherResponse> _tetherType = null!;
    private TetherResponse _tetherModel = null!;
    private ResponseResult _sdkModel = null!;

    [GlobalSetup]
    public void Setup()
    {
        _jsonData = new BinaryData(_json);
        _tetherType = (JsonTypeInfo<TetherResponse>)OpenAIClient.JsonOptions.GetTypeInfo(typeof(TetherResponse));
        _tetherModel = TetherDeserialize();
        _sdkModel = SdkDeserialize();
        if (_tetherModel.Output.Count != ResponsesPayload.OutputItemCount || _sdkModel.OutputItems.Count != ResponsesPayload.OutputItemCount)
        {
            throw new InvalidOperationException(
                $"expected {ResponsesPayload.OutputItemCount} output items; Tether read {_tetherModel.Output.Count}, the SDK {_sdkModel.OutputItems.Count}");
        }

        // Both writers must produce the whole object, or the comparison would flatter the one that drops data.
        var tetherOutput = TetherSerialize();
        var sdkOutput = SdkSerialize().ToArray();
        using var original = JsonDocument.Parse(_json);
        using var tetherDocument = JsonDocument.Parse(tetherOutput);
        using var sdkDocument = JsonDocument.Parse(sdkOutput);
        Console.WriteLine($"// payload {_json.Length:N0} bytes, {ResponsesPayload.OutputItemCount} output items");
        Console.WriteLine($"// Tether writes {tetherOutput.Length:N0} bytes; first difference: {JsonDifference.Find(original.RootElement, tetherDocument.RootElement) ?? "none"}");
        ProcessWarmup.Run(() => TetherDeserialize(), () => SdkDeserialize(), () => TetherSerialize(), () => SdkSerialize());
        Console.WriteLine($"// the SDK writes {sdkOutput.Length:N0} bytes; first difference: {JsonDifference.Find(original.RootElement, sdkDocument.RootElement) ?? "none"}");
    }

    [Benchmark(Description = "Tether (generated)")]
    [BenchmarkCategory(Read)]
    public TetherResponse TetherDeserialize() =>
        JsonSerializer.Deserialize(_json, _tetherType) ?? throw new InvalidOperationException("null response");

    [Benchmark(Baseline = true, Description = "OpenAI SDK 2.15.0")]
    [BenchmarkCategory(Read)]
    public ResponseResult SdkDeserialize() =>
        ModelReaderWriter.Read<ResponseResult>(_jsonData, SdkWireFormat, OpenAIContext.Default)
        ?? throw new InvalidOperationException("null response");

    [Benchmark(Description = "Tether (generated)")]
    [BenchmarkCategory(Write)]
    public byte[] TetherSerialize() => JsonSerializer.SerializeToUtf8Bytes(_tetherModel, _tetherType);

    [Benchmark(Baseline = true, Description = "OpenAI SDK 2.15.0")]
    [BenchmarkCategory(Write)]
    public BinaryData SdkSerialize() => ModelReaderWriter.Write(_sdkModel, SdkWireFormat, OpenAIContext.Default);
}
