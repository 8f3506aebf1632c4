using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Tether.Runtime.Tests.Pipeline.Support;

/// <summary>One multipart section as the server received it.</summary>
internal sealed record ReceivedPart(string Name, string? FileName, string? ContentType, byte[] Body, string RawDisposition)
{
    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>
    /// Reads every section of a multipart request. <paramref name="onFileBytes"/> is told how many bytes of the
    /// current file section have arrived so far, while the upload is still in progress.
    /// </summary>
    public static async Task<List<ReceivedPart>> ReadAllAsync(HttpRequest request, Action<long>? onFileBytes = null)
    {
        string boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, request.Body);
        var parts = new List<ReceivedPart>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            string raw = section.ContentDisposition!;
            var disposition = ContentDispositionHeaderValue.Parse(raw);
            using var body = new MemoryStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = await section.Body.ReadAsync(buffer)) > 0)
            {
                body.Write(buffer, 0, read);
                if (disposition.FileName.HasValue)
                {
                    onFileBytes?.Invoke(body.Length);
                }
            }

            parts.Add(new ReceivedPart(
                HeaderUtilities.RemoveQuotes(disposition.Name).Value!,
                disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value : null,
                section.ContentType,
                body.ToArray(),
                raw));
        }

        return parts;
    }
}
