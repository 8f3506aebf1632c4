using System;
using System.Collections.Generic;

namespace Tether;

/// <summary>The effective settings of one call: client options merged with the call's <see cref="RequestOptions"/>.</summary>
internal sealed class CallSettings
{
    private readonly TetherRequest _request;
    private readonly string _displayBaseAddress;
    private string? _description;

    public CallSettings(Uri uri, TetherRequest request, string displayBaseAddress, IReadOnlyList<TetherCredential> credentials, TimeSpan timeout, int maxRetries)
    {
        Uri = uri;
        _request = request;
        _displayBaseAddress = displayBaseAddress;
        Credentials = credentials;
        CredentialValues = new string?[credentials.Count];
        Timeout = timeout;
        MaxRetries = maxRetries;
    }

    public Uri Uri { get; }

    /// <summary>
    /// <c>METHOD https://host/path?query</c> without user info or credential, for messages. Built when a message first
    /// needs it: a call that succeeds never does.
    /// </summary>
    public string Description => _description ??= Describe();

    /// <summary>The credentials the call sends (the alternative its security requirement chose).</summary>
    public IReadOnlyList<TetherCredential> Credentials { get; }

    /// <summary>Each credential's wire value: set once per call for a fixed one, before each attempt for a callback's.</summary>
    public string?[] CredentialValues { get; }

    /// <summary>Every secret sent so far, so that exceptions, logs and traces can redact it wherever a server echoes it.</summary>
    public List<string>? Secrets { get; private set; }

    /// <summary>Records the wire value of credential <paramref name="index"/> and what of it is secret.</summary>
    public void SetCredentialValue(int index, string wireValue)
    {
        CredentialValues[index] = wireValue;
        Credentials[index].AddSecrets(Secrets ??= new List<string>(2), wireValue);
    }

    /// <summary>Records a secret that is not a credential's (<see cref="TetherRequest.BearerToken"/>).</summary>
    public void AddSecret(string secret) => (Secrets ??= new List<string>(1)).Add(secret);

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
        return SecretRedactor.Redact($"{_request.Method} {_displayBaseAddress}{separator}{path}", Secrets);
    }
}
