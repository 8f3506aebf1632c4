using System;

namespace Tether;

/// <summary>The effective settings of one call: client options merged with the call's <see cref="RequestOptions"/>.</summary>
internal sealed class CallSettings
{
    public CallSettings(Uri uri, string description, string? secret, TimeSpan timeout, int maxRetries)
    {
        Uri = uri;
        Description = description;
        Secret = secret;
        Timeout = timeout;
        MaxRetries = maxRetries;
    }

    public Uri Uri { get; }

    /// <summary><c>METHOD https://host/path?query</c> without user info or credential, for messages.</summary>
    public string Description { get; }

    /// <summary>The bearer credential, so that exceptions can redact it wherever a server echoes it.</summary>
    public string? Secret { get; set; }

    public TimeSpan Timeout { get; }

    public int MaxRetries { get; }

    /// <summary>Attempts made so far; read by the event-stream reader for its exceptions.</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// The call's traces, metrics and logs; <see langword="null"/> when nobody listens (the usual case), so that
    /// nothing is allocated for them.
    /// </summary>
    public OperationTelemetry? Telemetry { get; set; }

    /// <summary>
    /// Set by the methods that go on with the response after it arrives (deserializing it, reading its event stream)
    /// and so end <see cref="Telemetry"/> themselves; otherwise it ends when the response is returned.
    /// </summary>
    public bool EndsTelemetryItself { get; set; }
}
