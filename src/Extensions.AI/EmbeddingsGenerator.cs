using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;

namespace Tether.Extensions.AI;

/// <summary>
/// A generated client's embeddings operation (<c>POST /embeddings</c>) as a Microsoft.Extensions.AI
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>, made by the generated <c>AsIEmbeddingGenerator(model)</c>.
/// Calls go through the generated operation and the client's pipeline, as <see cref="ChatCompletionsChatClient{TRequest, TResponse, TChunk}"/>'s do.
/// </summary>
/// <remarks>
/// Asks for <c>"encoding_format": "float"</c> unless the options' raw request says otherwise, and reads vectors
/// sent as base64 (little-endian float32) as well as arrays.
/// </remarks>
/// <typeparam name="TRequest">The generated request body (<c>CreateEmbeddingRequest</c>).</typeparam>
/// <typeparam name="TResponse">The generated response (<c>CreateEmbeddingResponse</c>).</typeparam>
public sealed class EmbeddingsGenerator<TRequest, TResponse> : IEmbeddingGenerator<string, Embedding<float>>
    where TRequest : class
    where TResponse : class
{
    private readonly object _client;
    private readonly string _model;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly JsonTypeInfo<TRequest> _requestType;
    private readonly JsonTypeInfo<TResponse> _responseType;
    private readonly Func<TRequest, CancellationToken, Task<TResponse>> _send;

    /// <summary>For generated code: use the client's <c>AsIEmbeddingGenerator(model)</c>.</summary>
    /// <param name="client">The generated client, returned by <see cref="GetService"/>.</param>
    /// <param name="model">The model used when <see cref="EmbeddingGenerationOptions.ModelId"/> is not set.</param>
    /// <param name="providerUri">The client's base address, for <see cref="EmbeddingGeneratorMetadata"/>.</param>
    /// <param name="jsonOptions">The client's generated JSON settings.</param>
    /// <param name="send">Calls the operation.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public EmbeddingsGenerator(
        object client,
        string model,
        Uri? providerUri,
        JsonSerializerOptions jsonOptions,
        Func<TRequest, CancellationToken, Task<TResponse>> send)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentNullException.ThrowIfNull(jsonOptions);
        _client = client;
        _model = model;
        _metadata = new EmbeddingGeneratorMetadata(ProviderNames.OpenAI, providerUri, model);
        _requestType = GeneratedTypes.Get<TRequest>(jsonOptions);
        _responseType = GeneratedTypes.Get<TResponse>(jsonOptions);
        _send = send ?? throw new ArgumentNullException(nameof(send));
    }

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var body = options?.RawRepresentationFactory?.Invoke(this) is TRequest raw
            ? JsonSerializer.SerializeToNode(raw, _requestType) as JsonObject ?? new JsonObject()
            : new JsonObject();
        body.SetIfAbsent("input", () => new JsonArray(values.Select(value => (JsonNode?)JsonValue.Create(value)).ToArray()));
        body.SetIfAbsent("model", options?.ModelId ?? _model);
        body.SetIfAbsent("encoding_format", "float");
        body.SetIfAbsent("dimensions", options?.Dimensions);
        AdditionalMembers.Write(body, options?.AdditionalProperties);

        var request = body.Deserialize(_requestType) ?? throw new InvalidOperationException("The embeddings request was read as null.");
        var response = await _send(request, cancellationToken).ConfigureAwait(false);
        return EmbeddingsReader.Read(JsonSerializer.SerializeToElement(response, _responseType));
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            return _metadata;
        }

        return serviceType.IsInstanceOfType(_client) ? _client
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>Does nothing: the generated client belongs to the caller, who disposes it.</summary>
    public void Dispose()
    {
    }
}
