using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Tether;

/// <summary>
/// Sends the requests of a generated client: base address, headers, credential, per-attempt timeout, retries with
/// backoff, typed errors, and reading of JSON, binary and event-stream responses. Thread-safe; build one per client
/// and keep it for the application's lifetime.
/// </summary>
/// <remarks>
/// <para>
/// Without a caller's client or handler, the pipeline builds and owns
/// <c>TcpKeepAlive.CreateHttpClient(options.KeepAlive)</c>: every connection has TCP keepalive, and its
/// <see cref="HttpClient.Timeout"/> is infinite, so only Tether's per-attempt timeout applies. A caller's
/// <see cref="HttpClient"/> or <see cref="HttpMessageHandler"/> is used exactly as given: its settings are never
/// changed (headers go on each request; timeouts use a linked token), and it is not disposed with the pipeline.
/// </para>
/// <para>
/// The options are read once, here; changing them later does not affect this pipeline.
/// </para>
/// </remarks>
public sealed partial class TetherPipeline : IDisposable
{
    private readonly HttpClient _client;
    private readonly bool _ownsClient;
    private readonly string _baseAddress;
    private readonly string _displayBaseAddress;
    private readonly TimeSpan _timeout;
    private readonly int _maxRetries;
    private readonly RetryPolicy _retryPolicy;
    private readonly KeyValuePair<string, string>[] _defaultHeaders;
    private readonly string? _userAgent;
    private readonly ITetherLogger? _logger;
    private readonly bool _strictResponseReading;
    private int _disposed;

    /// <summary>Builds a pipeline on a new keepalive transport (<see cref="TcpKeepAlive.CreateHandler(TcpKeepAliveOptions?)"/>), owned and disposed by the pipeline.</summary>
    /// <param name="options">The client settings; <see cref="TetherClientOptions.BaseAddress"/> is required.</param>
    /// <exception cref="ArgumentException">No base address, or an invalid default header.</exception>
    public TetherPipeline(TetherClientOptions options)
        : this(options, CreateOwnedClient(options), ownsClient: true)
    {
    }

    /// <summary>
    /// Builds a pipeline that sends through <paramref name="httpClient"/>, unchanged and not disposed by the
    /// pipeline. Its own <see cref="HttpClient.Timeout"/> (100 s unless changed) still applies on top of
    /// <see cref="TetherClientOptions.Timeout"/>; set it to <see cref="Timeout.InfiniteTimeSpan"/> for long calls.
    /// </summary>
    /// <param name="options">The client settings; without a base address, <paramref name="httpClient"/>'s is used.</param>
    /// <param name="httpClient">The caller's client.</param>
    /// <exception cref="ArgumentException">No base address, or an invalid default header.</exception>
    public TetherPipeline(TetherClientOptions options, HttpClient httpClient)
        : this(options, httpClient ?? throw new ArgumentNullException(nameof(httpClient)), ownsClient: false)
    {
    }

    /// <summary>
    /// Builds a pipeline that sends through <paramref name="handler"/>, unchanged and not disposed by the pipeline
    /// (the handler decides about keepalive, proxies and connection limits).
    /// </summary>
    /// <param name="options">The client settings; <see cref="TetherClientOptions.BaseAddress"/> is required.</param>
    /// <param name="handler">The caller's handler.</param>
    /// <exception cref="ArgumentException">No base address, or an invalid default header.</exception>
    public TetherPipeline(TetherClientOptions options, HttpMessageHandler handler)
        : this(
            options,
            new HttpClient(handler ?? throw new ArgumentNullException(nameof(handler)), disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan },
            ownsClient: true)
    {
    }

    private TetherPipeline(TetherClientOptions options, HttpClient client, bool ownsClient)
    {
        _client = client;
        _ownsClient = ownsClient;
        try
        {
            ArgumentNullException.ThrowIfNull(options);
            Uri baseAddress = options.BaseAddress ?? client.BaseAddress ?? throw new ArgumentException(
                "TetherClientOptions.BaseAddress is required (or the BaseAddress of the HttpClient passed in).", nameof(options));
            _baseAddress = baseAddress.AbsoluteUri.TrimEnd('/');
            _displayBaseAddress = baseAddress.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
            _timeout = options.Timeout;
            _maxRetries = options.MaxRetries;
            _retryPolicy = new RetryPolicy(options.InitialRetryDelay, options.MaxRetryDelay);
            _userAgent = options.UserAgent;
            _logger = options.Logger;
            _strictResponseReading = options.StrictResponseReading;
            _defaultHeaders = SnapshotDefaultHeaders(options.DefaultHeaders);
        }
        catch
        {
            if (ownsClient)
            {
                client.Dispose();
            }

            throw;
        }
    }

    /// <summary>The base address operation paths are appended to.</summary>
    public Uri BaseAddress => new(_baseAddress);

    /// <summary>
    /// Sends <paramref name="request"/> and ignores any response body (operations without a response body).
    /// </summary>
    /// <param name="request">The call.</param>
    /// <param name="cancellationToken">Cancels the call; cancellation surfaces as <see cref="OperationCanceledException"/>.</param>
    /// <returns>Completes when a success response has arrived.</returns>
    /// <exception cref="TetherApiException">A non-success response, after retries.</exception>
    /// <exception cref="TetherConnectionException">No response, after retries.</exception>
    /// <exception cref="TetherTimeoutException">A time limit fired, after retries.</exception>
    public async Task SendAsync(TetherRequest request, CancellationToken cancellationToken = default)
    {
        CallSettings call = Prepare(request);
        HttpResponseMessage response = await SendWithRetriesAsync(request, call, HttpCompletionOption.ResponseContentRead, accept: null, cancellationToken).ConfigureAwait(false);
        response.Dispose();
    }

    /// <summary>
    /// Sends <paramref name="request"/> and deserializes the JSON response with <paramref name="responseType"/>.
    /// The body is read within the per-attempt timeout (a body cut off mid-way is retried like a failed connection).
    /// </summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="request">The call.</param>
    /// <param name="responseType">Serialization metadata of the response type.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deserialized response.</returns>
    /// <exception cref="TetherApiException">A non-success response, after retries.</exception>
    /// <exception cref="TetherConnectionException">No response, after retries.</exception>
    /// <exception cref="TetherTimeoutException">A time limit fired, after retries.</exception>
    /// <exception cref="TetherSerializationException">The body is not valid JSON for <typeparamref name="T"/>.</exception>
    public async Task<T> SendJsonAsync<T>(TetherRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responseType);
        CallSettings call = Prepare(request);
        call.EndsTelemetryItself = true;
        using HttpResponseMessage response = await SendWithRetriesAsync(
            request, call, HttpCompletionOption.ResponseContentRead, JsonMediaType.Json, cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReadJsonResponseAsync(response, responseType, call, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (OperationTelemetry.ObserveFailure(call, ex))
        {
            throw;
        }
        finally
        {
            OperationTelemetry.Complete(call);
        }
    }

    /// <summary>Sends <paramref name="request"/> and returns the whole response body (binary responses read at once).</summary>
    /// <param name="request">The call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body's bytes.</returns>
    /// <exception cref="TetherApiException">A non-success response, after retries.</exception>
    /// <exception cref="TetherConnectionException">No response, after retries.</exception>
    /// <exception cref="TetherTimeoutException">A time limit fired, after retries.</exception>
    public async Task<byte[]> SendBytesAsync(TetherRequest request, CancellationToken cancellationToken = default)
    {
        CallSettings call = Prepare(request);
        using HttpResponseMessage response = await SendWithRetriesAsync(
            request, call, HttpCompletionOption.ResponseContentRead, accept: null, cancellationToken).ConfigureAwait(false);
        return await ResponseContent.ReadBytesAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends <paramref name="request"/> and returns the response body as a stream, as soon as the headers arrive
    /// (audio, file content, archives). The caller must dispose it, which releases the connection.
    /// </summary>
    /// <param name="request">The call.</param>
    /// <param name="cancellationToken">Cancels the call until the stream is returned; pass tokens to reads after that.</param>
    /// <returns>The body stream, owning the response.</returns>
    /// <exception cref="TetherApiException">A non-success response, after retries.</exception>
    /// <exception cref="TetherConnectionException">No response, after retries.</exception>
    /// <exception cref="TetherTimeoutException">A time limit fired, after retries.</exception>
    public async Task<TetherResponseStream> SendStreamAsync(TetherRequest request, CancellationToken cancellationToken = default)
    {
        CallSettings call = Prepare(request);
        HttpResponseMessage response = await SendWithRetriesAsync(
            request, call, HttpCompletionOption.ResponseHeadersRead, accept: null, cancellationToken).ConfigureAwait(false);
        return await ResponseContent.OpenStreamAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends <paramref name="request"/> with retries and returns the successful response itself, for anything the
    /// other methods do not cover. The caller must dispose it.
    /// </summary>
    /// <param name="request">The call.</param>
    /// <param name="completionOption">
    /// <see cref="HttpCompletionOption.ResponseContentRead"/> to buffer the body within the per-attempt timeout, or
    /// <see cref="HttpCompletionOption.ResponseHeadersRead"/> to return once the headers arrive.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A response with a success status code.</returns>
    /// <exception cref="TetherApiException">A non-success response, after retries.</exception>
    /// <exception cref="TetherConnectionException">No response, after retries.</exception>
    /// <exception cref="TetherTimeoutException">A time limit fired, after retries.</exception>
    public Task<HttpResponseMessage> SendResponseAsync(
        TetherRequest request, HttpCompletionOption completionOption, CancellationToken cancellationToken = default)
    {
        CallSettings call = Prepare(request);
        return SendWithRetriesAsync(request, call, completionOption, accept: null, cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="request"/> (when enumeration starts) and yields each server-sent event's <c>data</c>
    /// deserialized with <paramref name="eventType"/>. See
    /// <see cref="StreamEventsAsync{T}(TetherRequest, SseEventParser{T}, CancellationToken)"/> for how the stream ends.
    /// </summary>
    /// <typeparam name="T">The event type (often a union over the event kinds).</typeparam>
    /// <param name="request">The call; its body should ask for a stream (e.g. <c>"stream": true</c>).</param>
    /// <param name="eventType">Serialization metadata of the event type.</param>
    /// <param name="cancellationToken">Cancels the call and the enumeration.</param>
    /// <returns>The events.</returns>
    public IAsyncEnumerable<T> StreamEventsAsync<T>(TetherRequest request, JsonTypeInfo<T> eventType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return StreamEventsAsync(
            request,
            (string _, ReadOnlySpan<byte> data) => JsonSerializer.Deserialize(data, eventType) ?? throw new JsonException("The event data is JSON null."),
            cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="request"/> (when enumeration starts, with <c>Accept: text/event-stream</c>) and yields
    /// one item per server-sent event, parsed by <paramref name="parser"/>.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item><description>Retries apply until the response headers arrive, never once events have been yielded.</description></item>
    /// <item><description>A <c>data: [DONE]</c> event, or the end of the body, ends the enumeration.</description></item>
    /// <item><description>An <c>event: error</c>, or a payload with a top-level <c>"error"</c> object (or
    /// <c>"type": "error"</c>), throws <see cref="TetherApiException"/> with <see cref="TetherApiException.IsStreamError"/> set.</description></item>
    /// <item><description>A connection lost mid-stream throws <see cref="TetherConnectionException"/>; no event for
    /// longer than the per-attempt timeout throws <see cref="TetherTimeoutException"/>
    /// (<see cref="TetherTimeoutLimit.StreamIdleTimeout"/>); a payload the parser rejects with a
    /// <see cref="JsonException"/> throws <see cref="TetherSerializationException"/>.</description></item>
    /// <item><description>Cancellation, an exception, or leaving the loop early (<c>break</c>) disposes the response
    /// and releases the connection.</description></item>
    /// </list>
    /// </remarks>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="request">The call.</param>
    /// <param name="parser">Turns one event (its type, <c>message</c> when unnamed, and its data) into an item.</param>
    /// <param name="cancellationToken">Cancels the call and the enumeration.</param>
    /// <returns>The events.</returns>
    public async IAsyncEnumerable<T> StreamEventsAsync<T>(
        TetherRequest request, SseEventParser<T> parser, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parser);
        CallSettings call = Prepare(request);
        call.EndsTelemetryItself = true; // the reader does, when the stream ends or is disposed
        HttpResponseMessage response = await SendWithRetriesAsync(
            request, call, HttpCompletionOption.ResponseHeadersRead, JsonMediaType.EventStream, cancellationToken).ConfigureAwait(false);
        var reader = new SseEventReader<T>(response, parser, call, cancellationToken);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.MoveNextAsync().ConfigureAwait(false))
            {
                yield return reader.Current;
            }
        }
    }

    /// <summary>
    /// <see cref="SendAsync(TetherRequest, CancellationToken)"/>, returning the response's status, headers, request id
    /// and rate limits.
    /// </summary>
    /// <inheritdoc cref="SendAsync(TetherRequest, CancellationToken)"/>
    public async Task<TetherResponseInfo> SendWithResponseAsync(TetherRequest request, CancellationToken cancellationToken = default)
    {
        CallSettings call = Prepare(request);
        using HttpResponseMessage response = await SendWithRetriesAsync(request, call, HttpCompletionOption.ResponseContentRead, accept: null, cancellationToken).ConfigureAwait(false);
        return new TetherResponseInfo(response);
    }

    /// <summary>
    /// <see cref="SendJsonAsync{T}(TetherRequest, JsonTypeInfo{T}, CancellationToken)"/>, returning the value with the
    /// response's status, headers, request id and rate limits.
    /// </summary>
    /// <inheritdoc cref="SendJsonAsync{T}(TetherRequest, JsonTypeInfo{T}, CancellationToken)"/>
    public async Task<TetherResponse<T>> SendJsonWithResponseAsync<T>(TetherRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responseType);
        CallSettings call = Prepare(request);
        call.EndsTelemetryItself = true;
        using HttpResponseMessage response = await SendWithRetriesAsync(
            request, call, HttpCompletionOption.ResponseContentRead, JsonMediaType.Json, cancellationToken).ConfigureAwait(false);
        try
        {
            T value = await ReadJsonResponseAsync(response, responseType, call, cancellationToken).ConfigureAwait(false);
            return new TetherResponse<T>(response, value);
        }
        catch (Exception ex) when (OperationTelemetry.ObserveFailure(call, ex))
        {
            throw;
        }
        finally
        {
            OperationTelemetry.Complete(call);
        }
    }

    /// <summary>
    /// <see cref="SendStreamAsync(TetherRequest, CancellationToken)"/>, returning the body stream with the response's
    /// status, headers, request id and rate limits. The caller must dispose the stream.
    /// </summary>
    /// <inheritdoc cref="SendStreamAsync(TetherRequest, CancellationToken)"/>
    public async Task<TetherResponse<TetherResponseStream>> SendStreamWithResponseAsync(TetherRequest request, CancellationToken cancellationToken = default)
    {
        CallSettings call = Prepare(request);
        HttpResponseMessage response = await SendWithRetriesAsync(
            request, call, HttpCompletionOption.ResponseHeadersRead, accept: null, cancellationToken).ConfigureAwait(false);
        var info = new TetherResponseInfo(response);
        TetherResponseStream stream = await ResponseContent.OpenStreamAsync(response, cancellationToken).ConfigureAwait(false);
        return new TetherResponse<TetherResponseStream>(info, stream);
    }

    /// <summary>
    /// Sends <paramref name="request"/> now and returns once the response headers have arrived: status, headers,
    /// request id and rate limits are readable before the first event, and enumerating the result reads the events
    /// (as <see cref="StreamEventsAsync{T}(TetherRequest, SseEventParser{T}, CancellationToken)"/> describes).
    /// </summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <param name="request">The call; its body should ask for a stream.</param>
    /// <param name="eventType">Serialization metadata of the event type.</param>
    /// <param name="cancellationToken">Cancels the call and the enumeration.</param>
    /// <returns>The response; dispose it, or enumerate it to the end or <c>break</c>, to release the connection.</returns>
    /// <exception cref="TetherApiException">A non-success response, after retries.</exception>
    /// <exception cref="TetherConnectionException">No response, after retries.</exception>
    /// <exception cref="TetherTimeoutException">A time limit fired, after retries.</exception>
    public async Task<TetherStreamingResponse<T>> StreamEventsWithResponseAsync<T>(
        TetherRequest request, JsonTypeInfo<T> eventType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        CallSettings call = Prepare(request);
        call.EndsTelemetryItself = true; // the events' reader does, or the response when disposed unread
        HttpResponseMessage response = await SendWithRetriesAsync(
            request, call, HttpCompletionOption.ResponseHeadersRead, JsonMediaType.EventStream, cancellationToken).ConfigureAwait(false);
        return new TetherStreamingResponse<T>(
            response,
            (string _, ReadOnlySpan<byte> data) => JsonSerializer.Deserialize(data, eventType) ?? throw new JsonException("The event data is JSON null."),
            call,
            cancellationToken);
    }

    /// <summary>
    /// Releases the <see cref="HttpClient"/> the pipeline built (a caller's client or handler is left alone).
    /// Calls made afterwards throw <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsClient)
        {
            _client.Dispose();
        }
    }

    private static HttpClient CreateOwnedClient(TetherClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Its HttpClient.Timeout is infinite: the per-attempt timeout rules instead of HttpClient's 100 s.
        return TcpKeepAlive.CreateHttpClient(options.KeepAlive);
    }

    private static KeyValuePair<string, string>[] SnapshotDefaultHeaders(IDictionary<string, string> headers)
    {
        var snapshot = new KeyValuePair<string, string>[headers.Count];
        int i = 0;
        foreach (KeyValuePair<string, string> header in headers)
        {
            HeaderValidation.ValidateName(header.Key, nameof(TetherClientOptions.DefaultHeaders));
            HeaderValidation.ValidateValue(header.Value, nameof(TetherClientOptions.DefaultHeaders));
            snapshot[i++] = header;
        }

        return snapshot;
    }
}
