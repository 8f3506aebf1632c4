using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tether.Benchmarks.Payloads;

/// <summary>Writer settings that produce JSON as the API sends it: compact, non-ASCII text as raw UTF-8.</summary>
internal static class WireJson
{
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };
}
