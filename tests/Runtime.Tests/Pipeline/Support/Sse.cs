using System.Text;
using Microsoft.AspNetCore.Http;

namespace Tether.Runtime.Tests.Pipeline.Support;

/// <summary>Writes server-sent events from a test server, flushing each one so the client sees it at once.</summary>
internal static class Sse
{
    public static void Begin(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers["x-request-id"] = "req_stream";
    }

    public static async Task WriteAsync(HttpContext context, string data, string? eventType = null)
    {
        var frame = new StringBuilder();
        if (eventType is not null)
        {
            frame.Append("event: ").Append(eventType).Append('\n');
        }

        frame.Append("data: ").Append(data).Append("\n\n");
        await context.Response.WriteAsync(frame.ToString());
        await context.Response.Body.FlushAsync();
    }
}
