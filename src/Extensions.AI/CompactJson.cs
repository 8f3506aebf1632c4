using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Tether.Extensions.AI;

/// <summary>
/// Values as JSON text with MEAI's settings (which know MEAI's own types) but without their indentation: tool
/// arguments and results travel inside strings, where every space is a token the model pays for.
/// </summary>
internal static class CompactJson
{
    public static string Serialize(object? value, Type type)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, value, AIJsonUtilities.DefaultOptions.GetTypeInfo(type));
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
