namespace Tether;

/// <summary>
/// The names under which Tether clients report traces and metrics, for OpenTelemetry and other listeners:
/// <c>services.AddOpenTelemetry().WithTracing(t =&gt; t.AddSource(TetherTelemetry.ActivitySourceName)).WithMetrics(m =&gt; m.AddMeter(TetherTelemetry.MeterName))</c>.
/// </summary>
/// <remarks>
/// <para>
/// Traces: one <see cref="System.Diagnostics.ActivityKind.Client"/> span per operation call, named after
/// <see cref="TetherRequest.OperationName"/> (the HTTP method alone when it has none), covering every attempt and the
/// waits between them, so that <see cref="System.Net.Http.HttpClient"/>'s own spans (one per attempt) are its
/// children. It carries the OpenTelemetry HTTP client tags <c>http.request.method</c>, <c>server.address</c>,
/// <c>server.port</c>, <c>url.full</c> (base address and path: never the query string, user info or any header),
/// <c>http.response.status_code</c> of the final response, <c>http.request.resend_count</c> when retries happened,
/// and on failure <c>error.type</c> and an error status; plus <see cref="OperationNameTag"/>, one
/// <see cref="RetryEventName"/> event per retry, and a <see cref="ToleratedEventName"/> event when the response was
/// read tolerantly.
/// </para>
/// <para>
/// The span ends when the call returns or throws: for JSON responses after deserialization, for
/// <see cref="TetherPipeline.SendStreamAsync"/> and <see cref="TetherPipeline.SendResponseAsync"/> once the response
/// headers have arrived, and for <c>StreamEventsAsync</c> when the event stream ends, fails or is disposed.
/// </para>
/// <para>
/// <c>error.type</c> (and <see cref="RetryReasonTag"/>) is the HTTP status code as a string (<c>"429"</c>) when the
/// server answered with an error status, otherwise the exception's full type name
/// (<c>"Tether.TetherTimeoutException"</c>, <c>"Tether.TetherConnectionException"</c>,
/// <c>"System.OperationCanceledException"</c>…).
/// </para>
/// <para>
/// Nothing is measured or allocated for telemetry when no listener is attached and no
/// <see cref="TetherClientOptions.Logger"/> is enabled.
/// </para>
/// </remarks>
public static class TetherTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> of Tether's spans: <c>Tether</c>.</summary>
    public const string ActivitySourceName = "Tether";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> of Tether's instruments: <c>Tether</c>.</summary>
    public const string MeterName = "Tether";

    /// <summary>
    /// Histogram of the duration of operation calls, all attempts and waits included, in seconds (unit <c>s</c>):
    /// <c>tether.client.operation.duration</c>. Tagged with <see cref="OperationNameTag"/>, <c>http.request.method</c>,
    /// <c>http.response.status_code</c> (when a response arrived) and <c>error.type</c> (when the call failed).
    /// </summary>
    public const string OperationDurationMetric = "tether.client.operation.duration";

    /// <summary>
    /// Counter of HTTP attempts, counted as each one ends: <c>tether.client.attempts</c>. Tagged with
    /// <see cref="OperationNameTag"/>, <c>http.request.method</c>, and the attempt's <c>http.response.status_code</c>
    /// or <c>error.type</c>.
    /// </summary>
    public const string AttemptsMetric = "tether.client.attempts";

    /// <summary>
    /// Counter of retries: <c>tether.client.retries</c>. Tagged with <see cref="OperationNameTag"/>,
    /// <c>http.request.method</c> and <see cref="RetryReasonTag"/>.
    /// </summary>
    public const string RetriesMetric = "tether.client.retries";

    /// <summary>The span event added before each retry: <c>tether.retry</c>, with <see cref="RetryReasonTag"/>, <see cref="RetryAttemptTag"/> and <see cref="RetryDelayTag"/>.</summary>
    public const string RetryEventName = "tether.retry";

    /// <summary>The operation's name (<see cref="TetherRequest.OperationName"/>, the spec's <c>operationId</c>): <c>tether.operation.name</c>; absent when it has none.</summary>
    public const string OperationNameTag = "tether.operation.name";

    /// <summary>Why an attempt is retried, in the form of <c>error.type</c> (<c>"503"</c>, <c>"Tether.TetherTimeoutException"</c>): <c>tether.retry.reason</c>.</summary>
    public const string RetryReasonTag = "tether.retry.reason";

    /// <summary>The number of the attempt that failed, 1 for the first: <c>tether.retry.attempt</c>.</summary>
    public const string RetryAttemptTag = "tether.retry.attempt";

    /// <summary>The wait before the next attempt, in seconds: <c>tether.retry.delay</c>.</summary>
    public const string RetryDelayTag = "tether.retry.delay";

    /// <summary>
    /// The span event added when a JSON response was read tolerantly (members that did not fit the spec kept raw):
    /// <c>tether.response.tolerated</c>, with <see cref="ToleratedCountTag"/> and <see cref="ToleratedMembersTag"/>.
    /// </summary>
    public const string ToleratedEventName = "tether.response.tolerated";

    /// <summary>How many members were tolerated, nested objects included: <c>tether.tolerated.count</c>.</summary>
    public const string ToleratedCountTag = "tether.tolerated.count";

    /// <summary>The distinct JSON names tolerated (the first eight), comma-separated: <c>tether.tolerated.members</c>.</summary>
    public const string ToleratedMembersTag = "tether.tolerated.members";
}
