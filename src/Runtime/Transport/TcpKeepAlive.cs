using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Tether;

/// <summary>
/// The transport Tether clients use by default: an <see cref="HttpMessageHandler"/> whose every TCP connection has
/// keepalive probes on, so that a long, silent call survives NAT idle timeouts and a vanished server is noticed.
/// </summary>
/// <remarks>
/// .NET has no keepalive setting on <see cref="SocketsHttpHandler"/>; the runtime team's answer
/// (dotnet/runtime#61261) is a <see cref="SocketsHttpHandler.ConnectCallback"/>, which is what this class packages.
/// Nothing here changes a handler or client a caller created: <see cref="CreateHandler(TcpKeepAliveOptions?)"/> and
/// <see cref="CreateHttpClient(TcpKeepAliveOptions?)"/> always return new ones, and <see cref="Apply"/> only touches the
/// socket it is given.
/// </remarks>
public static class TcpKeepAlive
{
    /// <summary>
    /// How long a pooled connection is reused before a new one is opened, so that DNS changes are seen by a
    /// long-lived client. It only ends reuse of an idle connection: a request in flight is never cut short by it.
    /// </summary>
    internal static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Creates the default Tether transport; see <see cref="CreateHandler(TcpKeepAliveOptions?, Action{Socket}?)"/>.</summary>
    /// <param name="options">Keepalive settings; <see cref="TcpKeepAliveOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>A new handler, owned by the caller (dispose it, or give it to an <see cref="HttpClient"/> that does).</returns>
    public static SocketsHttpHandler CreateHandler(TcpKeepAliveOptions? options = null) => CreateHandler(options, onConnected: null);

    /// <summary>
    /// Creates a <see cref="SocketsHttpHandler"/> that applies TCP keepalive to every connection it opens — to the
    /// server or, when a proxy is in use, to the proxy — and otherwise keeps the platform's defaults.
    /// </summary>
    /// <param name="options">Keepalive settings; <see cref="TcpKeepAliveOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="onConnected">
    /// Called with each new socket once it is connected and keepalive is applied, before any byte of HTTP is sent
    /// on it; <see langword="null"/> for none. Use it to see the connections a client really makes, for example
    /// <c>socket =&gt; Console.WriteLine($"{socket.RemoteEndPoint}: {TcpKeepAlive.Read(socket)}")</c>. The socket
    /// belongs to the handler: read from it, but do not close it or do I/O on it. The callback runs on the connecting
    /// thread and should be quick; an exception from it fails that connection attempt.
    /// </param>
    /// <returns>A new handler, owned by the caller (dispose it, or give it to an <see cref="HttpClient"/> that does).</returns>
    /// <remarks>
    /// <para>What is set, and why:</para>
    /// <list type="bullet">
    /// <item><description><see cref="SocketsHttpHandler.ConnectCallback"/>: connects like the built-in handler (a
    /// dual-mode socket that tries each address of a host name in turn, IPv4 and IPv6; <see cref="Socket.NoDelay"/>
    /// on; cancellation honoured) and applies keepalive <em>after</em> connecting, because on .NET 8 Linux and macOS
    /// reject keepalive options set before connecting to a host name (dotnet/runtime#110124).</description></item>
    /// <item><description><see cref="SocketsHttpHandler.AutomaticDecompression"/> = all methods.</description></item>
    /// <item><description><see cref="SocketsHttpHandler.PooledConnectionLifetime"/> = 5 minutes, so DNS changes are
    /// seen. It only stops an idle connection from being reused; a call that runs longer is not interrupted.</description></item>
    /// <item><description>HTTP/2 keepalive pings while requests are in flight, every <see cref="TcpKeepAliveOptions.Time"/>,
    /// failing the connection when a ping is unanswered for <see cref="TcpKeepAliveOptions.Interval"/> ×
    /// <see cref="TcpKeepAliveOptions.RetryCount"/>. Unlike TCP probes, these also travel end to end through a
    /// tunnelling proxy.</description></item>
    /// </list>
    /// <para>
    /// Left at the platform defaults on purpose: the proxy (<see cref="SocketsHttpHandler.UseProxy"/> is on and
    /// <see cref="SocketsHttpHandler.Proxy"/> unset, so <see cref="HttpClient.DefaultProxy"/> applies, which reads
    /// HTTP_PROXY, HTTPS_PROXY, ALL_PROXY and NO_PROXY on Linux and macOS and the system settings on Windows),
    /// unlimited connections per server, HTTP/2 when a request asks for it, the idle timeout of pooled connections,
    /// redirects, cookies and credentials. (HTTP/3, also available on request, runs over QUIC, which does not go
    /// through the connect callback and has its own keepalive.)
    /// </para>
    /// </remarks>
    public static SocketsHttpHandler CreateHandler(TcpKeepAliveOptions? options, Action<Socket>? onConnected)
    {
        TcpKeepAliveOptions settings = options ?? TcpKeepAliveOptions.Default;
        return new SocketsHttpHandler
        {
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, settings, onConnected, cancellationToken),
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = PooledConnectionLifetime,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            KeepAlivePingDelay = settings.Time,
            KeepAlivePingTimeout = TimeSpan.FromTicks(settings.Interval.Ticks * settings.RetryCount),
        };
    }

    /// <summary>Creates an <see cref="HttpClient"/> on the default Tether transport; see <see cref="CreateHttpClient(TcpKeepAliveOptions?, Action{Socket}?)"/>.</summary>
    /// <param name="options">Keepalive settings; <see cref="TcpKeepAliveOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>A new client, owned by the caller; disposing it disposes its handler.</returns>
    public static HttpClient CreateHttpClient(TcpKeepAliveOptions? options = null) => CreateHttpClient(options, onConnected: null);

    /// <summary>
    /// Creates an <see cref="HttpClient"/> that sends through a new handler from
    /// <see cref="CreateHandler(TcpKeepAliveOptions?, Action{Socket}?)"/>, which it owns, and whose
    /// <see cref="HttpClient.Timeout"/> is <see cref="Timeout.InfiniteTimeSpan"/>: the client to hand to a library that
    /// takes an <see cref="HttpClient"/> and times its calls itself, such as the official OpenAI SDK
    /// (<c>new HttpClientPipelineTransport(TcpKeepAlive.CreateHttpClient())</c>).
    /// </summary>
    /// <param name="options">Keepalive settings; <see cref="TcpKeepAliveOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="onConnected">As for <see cref="CreateHandler(TcpKeepAliveOptions?, Action{Socket}?)"/>: called with each new
    /// socket once it is connected and keepalive is applied; <see langword="null"/> for none.</param>
    /// <returns>A new client, owned by the caller; disposing it disposes its handler.</returns>
    /// <remarks>
    /// <para>
    /// Infinite, because <see cref="HttpClient"/>'s own 100 s default would end every call that takes longer, whatever
    /// timeout the library was given, and a library that retries timed-out attempts (the OpenAI SDK does, 3 times by
    /// default) would send the call again each time. The library's own timeout must then be long enough for the
    /// slowest call: for the OpenAI SDK, <c>OpenAIClientOptions.NetworkTimeout</c>, which is also 100 s by default.
    /// </para>
    /// <para>
    /// Nothing else differs from <c>new HttpClient(CreateHandler(options, onConnected))</c>: no base address, headers
    /// or other settings. Like <see cref="CreateHandler(TcpKeepAliveOptions?, Action{Socket}?)"/>, it never touches a
    /// client or handler the caller already has.
    /// </para>
    /// </remarks>
    public static HttpClient CreateHttpClient(TcpKeepAliveOptions? options, Action<Socket>? onConnected) =>
        new(CreateHandler(options, onConnected), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>
    /// Turns keepalive on for <paramref name="socket"/> and sets its idle time, interval and probe count, for
    /// callers who open their own connections (a custom <see cref="SocketsHttpHandler.ConnectCallback"/>).
    /// </summary>
    /// <param name="socket">A TCP socket; best connected already (see remarks).</param>
    /// <param name="options">Keepalive settings; <see cref="TcpKeepAliveOptions.Default"/> when <see langword="null"/>.</param>
    /// <remarks>
    /// Each setting is applied on its own: one the platform lacks (the probe count on old Windows builds, for
    /// example) is skipped and the others still apply; no exception is thrown for it. Use <see cref="Read"/> to see
    /// what took effect. Call this after connecting: on .NET 8, Linux and macOS throw
    /// <see cref="PlatformNotSupportedException"/> from <c>ConnectAsync</c> to a host name on a socket that already
    /// has keepalive options.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="socket"/> is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="socket"/> is closed.</exception>
    public static void Apply(Socket socket, TcpKeepAliveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(socket);
        TcpKeepAliveOptions settings = options ?? TcpKeepAliveOptions.Default;

        // Ints, not uints: a uint binds the SetSocketOption(…, object) overload, which silently does nothing on Linux.
        TrySet(socket, SocketOptionLevel.Socket, SocketOptionName.KeepAlive, 1);
        TrySet(socket, SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, (int)settings.Time.TotalSeconds);
        TrySet(socket, SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, (int)settings.Interval.TotalSeconds);
        TrySet(socket, SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, settings.RetryCount);
    }

    /// <summary>
    /// Reads the keepalive settings the kernel holds for <paramref name="socket"/>, each one on its own; a value the
    /// platform cannot report is <see langword="null"/>.
    /// </summary>
    /// <param name="socket">A TCP socket, for example one passed to the <c>onConnected</c> callback of
    /// <see cref="CreateHandler(TcpKeepAliveOptions?, Action{Socket}?)"/>.</param>
    /// <returns>What the socket will do, for diagnostics and tests.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="socket"/> is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="socket"/> is closed.</exception>
    public static TcpKeepAliveState Read(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        int? enabled = TryGet(socket, SocketOptionLevel.Socket, SocketOptionName.KeepAlive);
        int? time = TryGet(socket, SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime);
        int? interval = TryGet(socket, SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval);
        int? retryCount = TryGet(socket, SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount);
        return new TcpKeepAliveState(
            enabled is { } on ? on != 0 : null,
            time is { } t ? TimeSpan.FromSeconds(t) : null,
            interval is { } i ? TimeSpan.FromSeconds(i) : null,
            retryCount);
    }

    private static async ValueTask<Stream> ConnectAsync(
        DnsEndPoint endPoint, TcpKeepAliveOptions options, Action<Socket>? onConnected, CancellationToken cancellationToken)
    {
        // Same socket as the built-in handler: dual mode where IPv6 exists, so one socket reaches either family, and
        // ConnectAsync(DnsEndPoint) resolves the name and tries each address until one answers.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            Apply(socket, options);
            onConnected?.Invoke(socket);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static void TrySet(Socket socket, SocketOptionLevel level, SocketOptionName name, int value)
    {
        try
        {
            socket.SetSocketOption(level, name, value);
        }
        catch (SocketException)
        {
            // The platform lacks this option (e.g. WSAENOPROTOOPT); the others still apply.
        }
        catch (PlatformNotSupportedException)
        {
            // Same, reported by the runtime instead of the kernel.
        }
    }

    private static int? TryGet(Socket socket, SocketOptionLevel level, SocketOptionName name)
    {
        try
        {
            return socket.GetSocketOption(level, name) is int value ? value : null;
        }
        catch (SocketException)
        {
            return null;
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }
}
