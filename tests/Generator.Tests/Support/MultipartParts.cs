using System.Text;
using Xunit;

namespace Tether.Generator.Tests.Support;

/// <summary>One part of a recorded <c>multipart/form-data</c> body.</summary>
internal sealed record FormPart(string Name, string? FileName, string? ContentType, byte[] Content)
{
    public string Text => Encoding.UTF8.GetString(Content);
}

/// <summary>Splits a recorded <c>multipart/form-data</c> body into its parts (enough of RFC 7578 for tests).</summary>
internal static class MultipartParts
{
    public static List<FormPart> Parse(RecordedRequest request)
    {
        var contentType = request.ContentType ?? throw new InvalidOperationException("The request has no content type.");
        var boundaryAt = contentType.IndexOf("boundary=", StringComparison.OrdinalIgnoreCase);
        Assert.True(contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) && boundaryAt >= 0, contentType);
        var boundary = contentType[(boundaryAt + "boundary=".Length)..].Trim('"');
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var body = request.Body;
        var parts = new List<FormPart>();
        var position = IndexOf(body, delimiter, 0);
        while (position >= 0)
        {
            var start = position + delimiter.Length;
            if (start + 1 < body.Length && body[start] == '-' && body[start + 1] == '-')
            {
                break; // the closing delimiter
            }

            start += 2; // CRLF after the delimiter
            var next = IndexOf(body, delimiter, start);
            var end = next - 2; // CRLF before the next delimiter
            var headerEnd = IndexOf(body, "\r\n\r\n"u8.ToArray(), start);
            var headers = Encoding.UTF8.GetString(body, start, headerEnd - start).Split("\r\n");
            var content = body[(headerEnd + 4)..end];
            string? name = null;
            string? fileName = null;
            string? partType = null;
            foreach (var header in headers)
            {
                if (header.StartsWith("Content-Disposition:", StringComparison.OrdinalIgnoreCase))
                {
                    name = Attribute(header, "name");
                    fileName = Attribute(header, "filename");
                }
                else if (header.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))
                {
                    partType = header["Content-Type:".Length..].Trim();
                }
            }

            parts.Add(new FormPart(name ?? throw new InvalidOperationException("A part without a name."), fileName, partType, content));
            position = next;
        }

        return parts;
    }

    private static string? Attribute(string header, string attribute)
    {
        var marker = "; " + attribute + "=\"";
        var at = header.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var valueStart = at + marker.Length;
        return header[valueStart..header.IndexOf('"', valueStart)];
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int from) =>
        haystack.AsSpan(from).IndexOf(needle) is var at and >= 0 ? from + at : -1;
}
