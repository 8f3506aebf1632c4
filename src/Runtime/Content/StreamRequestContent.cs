using System.Net.Http;
using System.Net.Http.Headers;

namespace Tether;

/// <summary>A body streamed from a caller's stream; replayable only when the stream is seekable.</summary>
internal sealed class StreamRequestContent : RequestContent
{
    private readonly StreamSource _source;
    private readonly string _contentType;

    public StreamRequestContent(StreamSource source, string contentType)
    {
        _source = source;
        // Parsed now so that a malformed type fails when the body is described, not at send time.
        _ = MediaTypeHeaderValue.Parse(contentType);
        _contentType = contentType;
    }

    public override bool IsReplayable => _source.IsReplayable;

    public override HttpContent CreateHttpContent()
    {
        var content = new StreamBodyContent(_source);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(_contentType);
        return content;
    }
}
