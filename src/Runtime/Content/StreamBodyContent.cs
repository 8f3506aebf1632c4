using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Tether;

/// <summary>
/// Streams a <see cref="StreamSource"/> to the wire in chunks. Unlike <see cref="StreamContent"/> it never disposes
/// the caller's stream (the pipeline disposes each attempt's content) and rewinds it before each attempt.
/// </summary>
internal sealed class StreamBodyContent : HttpContent
{
    private const int CopyBufferSize = 81920;
    private readonly StreamSource _source;

    public StreamBodyContent(StreamSource source)
    {
        _source = source;
        _source.Rewind();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _source.Stream.CopyToAsync(stream, CopyBufferSize, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = _source.Length ?? 0;
        return _source.Length.HasValue;
    }
}
