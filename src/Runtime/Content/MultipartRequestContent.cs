using System;
using System.Linq;
using System.Net.Http;
using System.Text;

namespace Tether;

/// <summary>A <c>multipart/form-data</c> body, rebuilt for each attempt from its parts.</summary>
internal sealed class MultipartRequestContent : RequestContent
{
    private readonly MultipartFormBuilder.FormPart[] _parts;

    public MultipartRequestContent(MultipartFormBuilder.FormPart[] parts) => _parts = parts;

    public override bool IsReplayable => _parts.All(part => part.Source?.IsReplayable ?? true);

    public override HttpContent CreateHttpContent()
    {
        // MultipartContent, not MultipartFormDataContent: the latter would re-parse each part's hand-written
        // Content-Disposition. The boundary is random per attempt because file bytes are never scanned for it.
        var content = new MultipartContent("form-data", "tether-" + Guid.NewGuid().ToString("N"))
        {
            // Field and file names are sent as UTF-8, like browsers do; the default (Latin-1) would mangle them.
            HeaderEncodingSelector = static (_, _) => Encoding.UTF8,
        };
        try
        {
            foreach (MultipartFormBuilder.FormPart part in _parts)
            {
                content.Add(part.CreateContent());
            }

            return content;
        }
        catch
        {
            content.Dispose();
            throw;
        }
    }
}
