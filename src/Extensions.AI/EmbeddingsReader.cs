using System.Buffers.Binary;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Tether.Extensions.AI;

/// <summary>An embeddings response (its JSON) as <see cref="GeneratedEmbeddings{TEmbedding}"/>, in input order.</summary>
internal static class EmbeddingsReader
{
    public static GeneratedEmbeddings<Embedding<float>> Read(JsonElement response)
    {
        var model = response.String("model");
        var items = new List<(long Index, Embedding<float> Embedding)>();
        if (response.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in data.EnumerateArray())
            {
                if (item.TryGetProperty("embedding", out var vector))
                {
                    items.Add((item.Integer("index") ?? items.Count, new Embedding<float>(Vector(vector)) { ModelId = model }));
                }
            }
        }

        var embeddings = new GeneratedEmbeddings<Embedding<float>>(items.OrderBy(item => item.Index).Select(item => item.Embedding));
        if (response.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            embeddings.Usage = new UsageDetails
            {
                InputTokenCount = usage.Integer("prompt_tokens"),
                TotalTokenCount = usage.Integer("total_tokens"),
            };
        }

        return embeddings;
    }

    private static float[] Vector(JsonElement vector)
    {
        if (vector.ValueKind == JsonValueKind.String)
        {
            var bytes = vector.GetBytesFromBase64();
            if (bytes.Length % sizeof(float) != 0)
            {
                throw new InvalidDataException($"A base64 embedding of {bytes.Length} bytes is not a whole number of float32 values.");
            }

            var values = new float[bytes.Length / sizeof(float)];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
            }

            return values;
        }

        if (vector.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"An embedding is a {vector.ValueKind}, neither an array of numbers nor a base64 string.");
        }

        var floats = new float[vector.GetArrayLength()];
        var index = 0;
        foreach (var number in vector.EnumerateArray())
        {
            floats[index++] = number.GetSingle();
        }

        return floats;
    }
}
