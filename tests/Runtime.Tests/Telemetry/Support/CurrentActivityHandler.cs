using System.Collections.Concurrent;
using System.Diagnostics;

namespace Tether.Runtime.Tests.Telemetry.Support;

/// <summary>A handler in front of the transport that notes <see cref="Activity.Current"/> as each attempt is sent.</summary>
internal sealed class CurrentActivityHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<Activity?> _seen = new();

    public CurrentActivityHandler()
        : base(new SocketsHttpHandler())
    {
    }

    public IReadOnlyList<Activity?> Seen => _seen.ToList();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _seen.Enqueue(Activity.Current);
        return base.SendAsync(request, cancellationToken);
    }
}
