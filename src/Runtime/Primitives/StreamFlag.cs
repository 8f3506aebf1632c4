using System.Buffers;
using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tether.Primitives;

/// <summary>
/// How the streaming methods ask for a stream without changing the caller's request object, which may be shared with
/// other calls: the flag is set in the serialized body instead.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StreamFlag
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The serialized object <paramref name="json"/> with <c>"flag": true</c> in place of any value it had.</summary>
    /// <param name="json">A serialized JSON object; <see langword="null"/> for none (then the result holds the flag only).</param>
    /// <param name="flag">The member to set, e.g. <c>stream</c>.</param>
    /// <returns>The new body.</returns>
    public static byte[] Set(byte[]? json, string flag)
    {
        var buffer = new ArrayBufferWriter<byte>((json?.Length ?? 0) + 32);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            if (json is not null)
            {
                using var document = JsonDocument.Parse(json);
                foreach (JsonProperty property in document.RootElement.EnumerateObject())
                {
                    if (!property.NameEquals(flag))
                    {
                        property.WriteTo(writer);
                    }
                }
            }

            writer.WriteBoolean(flag, true);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
