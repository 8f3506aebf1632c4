using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Tether;

/// <summary>What exceptions report about a response: request id, redacted headers, and a bounded body excerpt.</summary>
internal static class ResponseDiagnostics
{
    /// <summary>Error bodies are read up to this size: enough for any JSON error, bounded against huge HTML pages.</summary>
    public const int MaxErrorBodyBytes = 256 * 1024;

    /// <summary>Characters of body text kept on an exception.</summary>
    public const int MaxBodyTextChars = 8 * 1024;

    public const string RequestIdHeader = "x-request-id";

    public static string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues(RequestIdHeader, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;

    /// <summary>Copies response and content headers, redacting credential headers and any occurrence of the secret.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Headers(HttpResponseMessage response, IReadOnlyList<string>? secret)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        Copy(response.Headers, headers, secret);
        Copy(response.Content.Headers, headers, secret);
        return headers;
    }

    /// <summary>
    /// Reads at most <see cref="MaxErrorBodyBytes"/> of the body. Failures to read are swallowed: the status code is
    /// the news, and a body lost to a dropped connection must not hide it.
    /// </summary>
    public static async Task<byte[]> ReadBoundedBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                byte[] buffer = ArrayPool<byte>.Shared.Rent(MaxErrorBodyBytes);
                try
                {
                    int total = 0;
                    while (total < MaxErrorBodyBytes)
                    {
                        int read = await body.ReadAsync(buffer.AsMemory(total, MaxErrorBodyBytes - total), cancellationToken).ConfigureAwait(false);
                        if (read == 0)
                        {
                            break;
                        }

                        total += read;
                    }

                    return buffer.AsSpan(0, total).ToArray();
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            return Array.Empty<byte>();
        }
    }

    /// <summary>Decodes a body for display: lenient UTF-8, truncated, secret removed.</summary>
    public static string BodyText(ReadOnlySpan<byte> body, IReadOnlyList<string>? secret)
    {
        string text = Encoding.UTF8.GetString(body);
        text = SecretRedactor.Redact(text, secret);
        return text.Length <= MaxBodyTextChars ? text : string.Concat(text.AsSpan(0, MaxBodyTextChars), "…[truncated]");
    }

    private static void Copy(HttpHeaders source, Dictionary<string, IReadOnlyList<string>> target, IReadOnlyList<string>? secret)
    {
        foreach (KeyValuePair<string, IEnumerable<string>> header in source)
        {
            string[] values = SecretRedactor.IsCredentialHeader(header.Key)
                ? new[] { SecretRedactor.Placeholder }
                : header.Value.Select(value => SecretRedactor.Redact(value, secret)).ToArray();
            target[header.Key] = values;
        }
    }
}
