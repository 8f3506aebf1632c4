using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Tether;

/// <summary>
/// A streamed call whose response headers have arrived: status, headers, request id and rate limits are readable
/// before the first event; enumerate it (once) for the events. Disposing it without enumerating releases the
/// connection; so does leaving the loop early.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
public sealed class TetherStreamingResponse<T> : TetherResponseInfo, IAsyncEnumerable<T>, IAsyncDisposable
{
    private readonly SseEventParser<T> _parser;
    private readonly CallSettings _call;
    private readonly CancellationToken _callToken;
    private HttpResponseMessage? _response;

    internal TetherStreamingResponse(HttpResponseMessage response, SseEventParser<T> parser, CallSettings call, CancellationToken callToken)
        : base(response)
    {
        _response = response;
        _parser = parser;
        _call = call;
        _callToken = callToken;
    }

    /// <summary>Reads the events as they arrive; the stream can be enumerated once.</summary>
    /// <param name="cancellationToken">Stops the enumeration (besides the token the call was made with).</param>
    /// <exception cref="InvalidOperationException">The events were already read, or the response was disposed.</exception>
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var response = Interlocked.Exchange(ref _response, null)
            ?? throw new InvalidOperationException("The events of a streamed response can be read once, and not after it is disposed.");
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(_callToken, cancellationToken) : null;
        var reader = new SseEventReader<T>(response, _parser, _call, linked?.Token ?? _callToken);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.MoveNextAsync().ConfigureAwait(false))
            {
                yield return reader.Current;
            }
        }
    }

    /// <summary>Releases the connection if the events were not read.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _response, null) is { } unread)
        {
            unread.Dispose();
            OperationTelemetry.Complete(_call);
        }

        return default;
    }
}
