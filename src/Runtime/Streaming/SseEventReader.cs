using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Tether;

/// <summary>
/// Reads a <c>text/event-stream</c> response one event at a time, turning the ways a stream can end into the
/// pipeline's exceptions, and owning the response until disposed.
/// </summary>
internal sealed class SseEventReader<T> : IAsyncDisposable
{
    private static readonly byte[] DoneMarker = "[DONE]"u8.ToArray();

    private readonly HttpResponseMessage _response;
    private readonly SseEventParser<T> _parser;
    private readonly CallSettings _call;
    private readonly CancellationToken _callerToken;

    // Linked to the caller's token; armed while waiting for the next event, so a silent stream fails instead of
    // hanging, while the time the consumer spends on each event does not count.
    private readonly CancellationTokenSource _idle;
    private Stream? _body;
    private IAsyncEnumerator<SseItem<SseFrame<T>>>? _events;
    private bool _finished;

    public SseEventReader(HttpResponseMessage response, SseEventParser<T> parser, CallSettings call, CancellationToken callerToken)
    {
        _response = response;
        _parser = parser;
        _call = call;
        _callerToken = callerToken;
        _idle = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
    }

    public T Current { get; private set; } = default!;

    public ValueTask<bool> MoveNextAsync() => _call.Telemetry is null ? ReadNextAsync() : ObservedReadNextAsync();

    public async ValueTask DisposeAsync()
    {
        _finished = true;
        if (_events is not null)
        {
            await _events.DisposeAsync().ConfigureAwait(false);
        }

        if (_body is not null)
        {
            await _body.DisposeAsync().ConfigureAwait(false);
        }

        _response.Dispose();
        _idle.Dispose();

        // The call's span ends with its stream: here when it ended, was left early or failed (then already ended).
        OperationTelemetry.Complete(_call);
    }

    private async ValueTask<bool> ObservedReadNextAsync()
    {
        try
        {
            return await ReadNextAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (OperationTelemetry.ObserveFailure(_call, ex))
        {
            throw;
        }
    }

    private async ValueTask<bool> ReadNextAsync()
    {
        if (_finished)
        {
            return false;
        }

        SseFrame<T> frame;
        try
        {
            Arm();
            if (_events is null)
            {
                EnsureEventStream();
                _body = await _response.Content.ReadAsStreamAsync(_idle.Token).ConfigureAwait(false);
                _events = SseParser.Create(_body, Classify).EnumerateAsync(_idle.Token).GetAsyncEnumerator(_idle.Token);
            }

            if (!await _events.MoveNextAsync().ConfigureAwait(false))
            {
                _finished = true;
                return false;
            }

            frame = _events.Current.Data;
        }
        catch (OperationCanceledException ex) when (_callerToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The call was cancelled through the caller's CancellationToken.", ex, _callerToken);
        }
        catch (OperationCanceledException ex) when (_idle.IsCancellationRequested)
        {
            throw new TetherTimeoutException(
                $"{_call.Description}: no event arrived for {Duration.Format(_call.Timeout)}, the per-attempt timeout " +
                "(TetherClientOptions.Timeout, or RequestOptions.Timeout for one call), which also limits silence within a stream.",
                TetherTimeoutLimit.StreamIdleTimeout, _call.Timeout, attempts: _call.Attempts, ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new TetherConnectionException(
                $"{_call.Description}: the connection was lost while the event stream was being read: {SecretRedactor.Redact(ex.Message, _call.Secrets)}",
                attempts: _call.Attempts, ex);
        }
        finally
        {
            Disarm();
        }

        switch (frame.Kind)
        {
            case SseFrameKind.Done:
                _finished = true;
                return false;
            case SseFrameKind.Error:
                _finished = true;
                throw ApiExceptionFactory.FromStreamEvent(_response, frame.EventType, frame.ErrorData!, _call.Attempts, _call.Description, _call.Secrets);
            case SseFrameKind.Invalid:
                _finished = true;
                throw SerializationFailure.FromJsonException(
                    frame.Failure!, typeof(T), _response, context: $"Event '{SecretRedactor.Redact(frame.EventType, _call.Secrets)}' of the stream");
            default:
                Current = frame.Item;
                return true;
        }
    }

    private SseFrame<T> Classify(string eventType, ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(DoneMarker))
        {
            return SseFrame<T>.ForDone(eventType);
        }

        if (StreamErrorDetector.IsError(eventType, data))
        {
            return SseFrame<T>.ForError(eventType, data.ToArray());
        }

        try
        {
            return SseFrame<T>.ForItem(eventType, _parser(eventType, data));
        }
        catch (JsonException ex)
        {
            return SseFrame<T>.ForInvalid(eventType, ex);
        }
    }

    /// <summary>
    /// A success response that is not an event stream (a proxy's page, or JSON because streaming was not requested)
    /// would parse as zero events; fail loudly instead of returning an empty stream.
    /// </summary>
    private void EnsureEventStream()
    {
        string? mediaType = _response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !string.Equals(mediaType, JsonMediaType.EventStream, StringComparison.OrdinalIgnoreCase))
        {
            throw new TetherSerializationException(
                $"{_call.Description} answered with Content-Type '{mediaType}', not an event stream (text/event-stream).",
                typeof(T).Name, _response.StatusCode, ResponseDiagnostics.RequestId(_response),
                jsonPath: null, lineNumber: null, bytePositionInLine: null, innerException: null);
        }
    }

    private void Arm()
    {
        if (_call.Timeout != Timeout.InfiniteTimeSpan)
        {
            _idle.CancelAfter(_call.Timeout);
        }
    }

    private void Disarm()
    {
        if (_call.Timeout != Timeout.InfiniteTimeSpan && !_idle.IsCancellationRequested)
        {
            _idle.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }
}
