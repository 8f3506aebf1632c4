namespace Tether.Runtime.Tests.Pipeline.Support;

/// <summary>Counts the attempts that went through the transport, once each has finished, whatever its outcome.</summary>
internal sealed class CountingHandler : DelegatingHandler
{
    private readonly Action _onFinished;

    public CountingHandler(HttpMessageHandler inner, Action onFinished)
        : base(inner) => _onFinished = onFinished;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            _onFinished();
        }
    }
}
