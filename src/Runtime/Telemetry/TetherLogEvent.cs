namespace Tether;

/// <summary>What every <see cref="ITetherLogger"/> event says about the call it is about.</summary>
public abstract class TetherLogEvent
{
    /// <summary>Describes the call.</summary>
    /// <param name="operationName">The spec's <c>operationId</c>, or <see langword="null"/> when the request has none.</param>
    /// <param name="method">The HTTP method, e.g. <c>POST</c>.</param>
    /// <param name="url">The URL without query string, user info or credential.</param>
    protected TetherLogEvent(string? operationName, string method, string url)
    {
        OperationName = operationName;
        Method = method;
        Url = url;
    }

    /// <summary>The operation's name in the spec (<see cref="TetherRequest.OperationName"/>), or <see langword="null"/>.</summary>
    public string? OperationName { get; }

    /// <summary>The HTTP method, e.g. <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>The base address and path of the call, without query string, user info or credential.</summary>
    public string Url { get; }
}
