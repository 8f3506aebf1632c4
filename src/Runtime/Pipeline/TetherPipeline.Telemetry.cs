using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Tether;

// Traces, metrics and logs around the retry loop, only for calls someone observes.
public sealed partial class TetherPipeline
{
    /// <summary>
    /// Sends with retries (<see cref="RetryLoopAsync"/>). When nobody listens, that is all: the loop's own task is
    /// returned, with no wrapper and no allocation for telemetry.
    /// </summary>
    private Task<HttpResponseMessage> SendWithRetriesAsync(
        TetherRequest request, CallSettings call, HttpCompletionOption completion, string? accept, CancellationToken cancellationToken) =>
        TetherInstruments.AnyoneListens(_logger)
            ? SendObservedAsync(request, call, completion, accept, cancellationToken)
            : RetryLoopAsync(request, call, completion, accept, cancellationToken);

    /// <summary>
    /// The loop inside the call's span. Async on purpose: the span is <see cref="System.Diagnostics.Activity.Current"/>
    /// within this method, so that <see cref="HttpClient"/>'s spans nest under it, and the caller's is left as it was.
    /// </summary>
    private async Task<HttpResponseMessage> SendObservedAsync(
        TetherRequest request, CallSettings call, HttpCompletionOption completion, string? accept, CancellationToken cancellationToken)
    {
        call.Telemetry = OperationTelemetry.Start(request, call, _displayBaseAddress, _logger);
        HttpResponseMessage response;
        try
        {
            response = await RetryLoopAsync(request, call, completion, accept, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (OperationTelemetry.ObserveFailure(call, ex))
        {
            throw;
        }

        if (!call.EndsTelemetryItself)
        {
            OperationTelemetry.Complete(call);
        }

        return response;
    }
}
