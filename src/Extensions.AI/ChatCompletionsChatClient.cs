using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;

namespace Tether.Extensions.AI;

/// <summary>
/// A generated client's chat completions operation (<c>POST /chat/completions</c>) as a Microsoft.Extensions.AI
/// <see cref="IChatClient"/>, made by the generated <c>AsIChatClient(model)</c>. Every call goes through the generated
/// operation and so through the client's pipeline: keepalive transport, per-attempt timeout, retries, telemetry and
/// typed errors (<see cref="TetherApiException"/> and its siblings reach the caller unchanged).
/// </summary>
/// <remarks>
/// The request is written in the chat completions wire format and read into <typeparamref name="TRequest"/> by the
/// client's generated converters, so members the generated type does not declare (from
/// <see cref="ChatOptions.AdditionalProperties"/>) still reach the server; responses are read back the same way.
/// <see cref="ChatResponse.RawRepresentation"/> and <see cref="ChatResponseUpdate.RawRepresentation"/> are the
/// generated response and chunk; <see cref="ChatOptions.RawRepresentationFactory"/> may return a
/// <typeparamref name="TRequest"/> whose members take precedence over the options.
/// </remarks>
/// <typeparam name="TRequest">The generated request body (<c>CreateChatCompletionRequest</c>).</typeparam>
/// <typeparam name="TResponse">The generated response (<c>CreateChatCompletionResponse</c>).</typeparam>
/// <typeparam name="TChunk">The generated streaming event (<c>CreateChatCompletionStreamResponse</c>).</typeparam>
public sealed class ChatCompletionsChatClient<TRequest, TResponse, TChunk> : IChatClient
    where TRequest : class
    where TResponse : class
    where TChunk : class
{
    private readonly object _client;
    private readonly string _model;
    private readonly ChatClientMetadata _metadata;
    private readonly JsonTypeInfo<TRequest> _requestType;
    private readonly JsonTypeInfo<TResponse> _responseType;
    private readonly JsonTypeInfo<TChunk> _chunkType;
    private readonly Func<TRequest, CancellationToken, Task<TResponse>> _send;
    private readonly Func<TRequest, CancellationToken, IAsyncEnumerable<TChunk>> _stream;

    /// <summary>For generated code: use the client's <c>AsIChatClient(model)</c>.</summary>
    /// <param name="client">The generated client, returned by <see cref="GetService"/>.</param>
    /// <param name="model">The model used when <see cref="ChatOptions.ModelId"/> is not set.</param>
    /// <param name="providerUri">The client's base address, for <see cref="ChatClientMetadata"/>.</param>
    /// <param name="jsonOptions">The client's generated JSON settings.</param>
    /// <param name="send">Calls the operation.</param>
    /// <param name="stream">Calls the operation's streaming form.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ChatCompletionsChatClient(
        object client,
        string model,
        Uri? providerUri,
        JsonSerializerOptions jsonOptions,
        Func<TRequest, CancellationToken, Task<TResponse>> send,
        Func<TRequest, CancellationToken, IAsyncEnumerable<TChunk>> stream)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentNullException.ThrowIfNull(jsonOptions);
        _client = client;
        _model = model;
        _metadata = new ChatClientMetadata(ProviderNames.OpenAI, providerUri, model);
        _requestType = GeneratedTypes.Get<TRequest>(jsonOptions);
        _responseType = GeneratedTypes.Get<TResponse>(jsonOptions);
        _chunkType = GeneratedTypes.Get<TChunk>(jsonOptions);
        _send = send ?? throw new ArgumentNullException(nameof(send));
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
    }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var request = CreateRequest(messages, options, stream: false);
        var response = await _send(request, cancellationToken).ConfigureAwait(false);
        return ChatResponseReader.Read(JsonSerializer.SerializeToElement(response, _responseType), response);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = CreateRequest(messages, options, stream: true);
        var reader = new ChatUpdateReader();
        await foreach (var chunk in _stream(request, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.Read(JsonSerializer.SerializeToElement(chunk, _chunkType), chunk);
        }

        // Tool calls arrive in fragments across chunks; MEAI's function invocation wants each one whole.
        if (reader.CompleteToolCalls() is { } toolCalls)
        {
            yield return toolCalls;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
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

    private TRequest CreateRequest(IEnumerable<ChatMessage> messages, ChatOptions? options, bool stream)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var body = options?.RawRepresentationFactory?.Invoke(this) is TRequest raw
            ? JsonSerializer.SerializeToNode(raw, _requestType) as JsonObject ?? new JsonObject()
            : new JsonObject();
        ChatRequestWriter.Write(body, messages, options, _model, stream);
        return body.Deserialize(_requestType)
            ?? throw new InvalidOperationException("The chat request was read as null.");
    }
}
