using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Tether.Runtime.Tests.Transport;

/// <summary>Reads the head of an HTTP/1.1 message (request line and headers) from a raw stream.</summary>
internal static class HttpHead
{
    private const int MaxLength = 16 * 1024;

    /// <summary>The head up to and including the blank line, or <see langword="null"/> if the peer closed first.</summary>
    public static async Task<string?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        // Byte by byte, so nothing after the head is consumed; heads in these tests are a few hundred bytes.
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < MaxLength)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            head.Add(one[0]);
            int n = head.Count;
            if (n >= 4 && head[n - 4] == '\r' && head[n - 3] == '\n' && head[n - 2] == '\r' && head[n - 1] == '\n')
            {
                return Encoding.ASCII.GetString(head.ToArray());
            }
        }

        throw new InvalidDataException("HTTP head too long");
    }
}
