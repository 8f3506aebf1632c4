using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Tether;

/// <summary>
/// A response body handed to the caller (audio, file content, archives): read it, then dispose it, which also
/// disposes the response and releases the connection. Read-only and forward-only.
/// </summary>
/// <remarks>
/// The per-attempt timeout ends once the response headers have arrived; reads are bounded by the cancellation token
/// passed to them. A connection lost while reading surfaces as <see cref="IOException"/>, as streams do.
/// </remarks>
public sealed class TetherResponseStream : Stream
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private int _disposed;

    internal TetherResponseStream(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _body = body;
    }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode => _response.StatusCode;

    /// <summary>The <c>Content-Type</c> of the body (e.g. <c>audio/mpeg</c>), if the server sent one.</summary>
    public string? ContentType => _response.Content.Headers.ContentType?.ToString();

    /// <summary>The <c>Content-Length</c> of the body, if the server sent one.</summary>
    public long? ContentLength => _response.Content.Headers.ContentLength;

    /// <summary>The <c>x-request-id</c> response header, if any.</summary>
    public string? RequestId => ResponseDiagnostics.RequestId(_response);

    /// <summary>The file name from <c>Content-Disposition</c>, if the server sent one.</summary>
    public string? FileName =>
        _response.Content.Headers.ContentDisposition is { } disposition
            ? (disposition.FileNameStar ?? disposition.FileName)?.Trim('"')
            : null;

    /// <inheritdoc />
    public override bool CanRead => Volatile.Read(ref _disposed) == 0 && _body.CanRead;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException("A response stream has no length; see ContentLength.");

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException("A response stream cannot seek.");
        set => throw new NotSupportedException("A response stream cannot seek.");
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => _body.Read(buffer, offset, count);

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) => _body.Read(buffer);

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _body.ReadAsync(buffer, offset, count, cancellationToken);

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _body.ReadAsync(buffer, cancellationToken);

    /// <inheritdoc />
    public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken) =>
        _body.CopyToAsync(destination, bufferSize, cancellationToken);

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A response stream cannot seek.");

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException("A response stream is read-only.");

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A response stream is read-only.");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _body.Dispose();
            _response.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _body.DisposeAsync().ConfigureAwait(false);
            _response.Dispose();
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }
}
