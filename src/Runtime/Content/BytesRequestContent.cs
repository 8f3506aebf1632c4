using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Tether;

/// <summary>A body held in memory: replayable, every attempt wraps the same bytes without copying.</summary>
internal sealed class BytesRequestContent : RequestContent
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly string _contentType;

    public BytesRequestContent(ReadOnlyMemory<byte> bytes, string contentType)
    {
        _bytes = bytes;
        // Parsed now so that a malformed type fails when the body is described, not at send time.
        _ = MediaTypeHeaderValue.Parse(contentType);
        _contentType = contentType;
    }

    public override bool IsReplayable => true;

    public override HttpContent CreateHttpContent()
    {
        var content = new ReadOnlyMemoryContent(_bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(_contentType);
        return content;
    }
}
