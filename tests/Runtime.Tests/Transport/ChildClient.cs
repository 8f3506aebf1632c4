using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Tether.Runtime.Tests.Transport;

/// <summary>
/// The client side of a child-process test: sends one GET, bounded in time, through either Tether's handler or a
/// plain <see cref="SocketsHttpHandler"/>, and reports on stdout, one <c>key=value</c> line per event:
/// <c>resolved</c> (with --resolve), <c>connected</c> (each socket Tether's handler opens, with its keepalive
/// settings read from the kernel) and a final <c>result</c>.
/// </summary>
internal static class ChildClient
{
    public const string Command = "transport-child-client";

    public static async Task<int> RunAsync(ReadOnlyMemory<string> arguments)
    {
        Report($"runtime version={Environment.Version}");
        Dictionary<string, string> options = ParseOptions(arguments.Span);
        var url = new Uri(options["url"]);
        bool keepAlive = options["mode"] == "keepalive";
        TimeSpan bound = TimeSpan.FromSeconds(int.Parse(options["bound"], CultureInfo.InvariantCulture));

        if (options.ContainsKey("resolve"))
        {
            IPAddress[] addresses = await Dns.GetHostAddressesAsync(url.Host);
            Report($"resolved addresses={string.Join(',', addresses.Select(a => a.ToString()))}");
        }

        using HttpMessageHandler handler = keepAlive
            ? TcpKeepAlive.CreateHandler(KeepAliveOptions(options), ReportConnected)
            : new SocketsHttpHandler();
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = new CancellationTokenSource(bound);
        Stopwatch elapsed = Stopwatch.StartNew();
        try
        {
            using HttpResponseMessage response = await client.GetAsync(url, deadline.Token);
            string body = await response.Content.ReadAsStringAsync(deadline.Token);
            Report($"result outcome=ok status={(int)response.StatusCode} elapsed_ms={elapsed.ElapsedMilliseconds} body={body}");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            Report($"result outcome=timeout elapsed_ms={elapsed.ElapsedMilliseconds}");
        }
        catch (Exception error)
        {
            SocketException? socketError = Chain(error).OfType<SocketException>().FirstOrDefault();
            Report($"result outcome=error elapsed_ms={elapsed.ElapsedMilliseconds} " +
                   $"socket_error={socketError?.SocketErrorCode.ToString() ?? "none"} " +
                   $"chain={string.Join('>', Chain(error).Select(e => e.GetType().Name))}");
        }

        return 0;
    }

    private static TcpKeepAliveOptions? KeepAliveOptions(Dictionary<string, string> options) =>
        options.TryGetValue("time", out string? time)
            ? new TcpKeepAliveOptions
            {
                Time = TimeSpan.FromSeconds(int.Parse(time, CultureInfo.InvariantCulture)),
                Interval = TimeSpan.FromSeconds(int.Parse(options["interval"], CultureInfo.InvariantCulture)),
                RetryCount = int.Parse(options["count"], CultureInfo.InvariantCulture),
            }
            : null;

    private static void ReportConnected(Socket socket) =>
        Report($"connected local={Plain((IPEndPoint)socket.LocalEndPoint!)} remote={Plain((IPEndPoint)socket.RemoteEndPoint!)} {RawKeepAlive.Read(socket)}");

    /// <summary>Dual-mode sockets report IPv4 peers as ::ffff:a.b.c.d; tests compare plain IPv4 text.</summary>
    private static string Plain(IPEndPoint endPoint) =>
        new IPEndPoint(endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address, endPoint.Port).ToString();

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    private static Dictionary<string, string> ParseOptions(ReadOnlySpan<string> arguments)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < arguments.Length; i++)
        {
            string name = arguments[i].TrimStart('-');
            bool hasValue = i + 1 < arguments.Length && !arguments[i + 1].StartsWith("--", StringComparison.Ordinal);
            options[name] = hasValue ? arguments[++i] : "true";
        }

        return options;
    }

    private static void Report(string line)
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
    }
}
