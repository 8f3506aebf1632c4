using System;
using System.IO;
using System.Threading;

namespace Tether;

/// <summary>
/// A caller's stream used as a body (or a multipart file part), remembered with its starting position so that each
/// attempt sends the same bytes: a seekable stream is rewound; a non-seekable one may be sent only once.
/// </summary>
internal sealed class StreamSource
{
    private readonly long _start;
    private int _opened;

    public StreamSource(Stream stream)
    {
        Stream = stream;
        _start = stream.CanSeek ? stream.Position : -1;
    }

    public Stream Stream { get; }

    public bool IsReplayable => _start >= 0;

    /// <summary>Bytes left to send, when the stream can tell.</summary>
    public long? Length => IsReplayable ? Math.Max(0, Stream.Length - _start) : null;

    /// <summary>Prepares the stream for an attempt.</summary>
    /// <exception cref="InvalidOperationException">A non-seekable stream was already sent.</exception>
    public void Rewind()
    {
        if (IsReplayable)
        {
            Stream.Position = _start;
        }
        else if (Interlocked.Exchange(ref _opened, 1) != 0)
        {
            throw new InvalidOperationException("The request body comes from a non-seekable stream that was already sent; it cannot be sent again.");
        }
    }
}
