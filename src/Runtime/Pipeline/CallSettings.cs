using System;

namespace Tether;

/// <summary>The effective settings of one call: client options merged with the call's <see cref="RequestOptions"/>.</summary>
internal sealed class CallSettings
{
    private readonly TetherRequest _request;
    private readonly string _displayBaseAddress;
    private string? _description;

    public CallSettings(Uri uri, TetherRequest request, string displayBaseAddress, string? secret, TimeSpan timeout, int maxRetries)
    {
        Uri = uri;
        _request = request;
        _displayBaseAddress = displayBaseAddress;
        Secret = secret;
        Timeout = timeout;
        MaxRetries = maxRetries;
    }

    public Uri Uri { get; }

    /// <summary>
    /// <c>METHOD https://host/path?query</c> without user info or credential, for messages. Built when a message first
    /// needs it: a call that succeeds never does.
    /// </summary>
    public string Description => _description ??= Describe();

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

    private string Describe()
    {
        string path = _request.PathAndQuery;
        string separator = path.Length == 0 || path[0] is '/' or '?' ? "" : "/";
        return SecretRedactor.Redact($"{_request.Method} {_displayBaseAddress}{separator}{path}", Secret);
    }
}
