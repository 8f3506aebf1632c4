using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Tether.Primitives;

namespace Tether;

// Reading JSON responses tolerantly, or strictly when the options say so, and telling listeners what was tolerated.
public sealed partial class TetherPipeline
{
    /// <summary>
    /// The body as <typeparamref name="T"/>. A journal is kept only when it has a use — strict reading, or a listener
    /// or logger to tell — so that an unobserved tolerant call reads exactly as before.
    /// </summary>
    private async Task<T> ReadJsonResponseAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> responseType, CallSettings call, CancellationToken cancellationToken)
    {
        ToleranceJournal? journal = _strictResponseReading || call.Telemetry is not null ? new ToleranceJournal(_strictResponseReading) : null;
        T value = await ResponseContent.ReadJsonAsync(response, responseType, journal, cancellationToken).ConfigureAwait(false);
        if (journal is { Count: > 0 })
        {
            call.Telemetry?.ReadTolerantly(journal);
        }

        return value;
    }
}
