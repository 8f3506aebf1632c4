using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Tether.Extensions.AI;

/// <summary>Looks up a generated type's JSON metadata in the client's generated, reflection-free settings.</summary>
internal static class GeneratedTypes
{
    public static JsonTypeInfo<T> Get<T>(JsonSerializerOptions options)
        => options.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new ArgumentException($"The JSON settings have no metadata for {typeof(T).Name}.", nameof(options));
}
