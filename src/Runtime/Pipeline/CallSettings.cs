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
}
