using System;
using System.Net;

namespace Tether;

/// <summary>A call failed for good; see <see cref="ITetherLogger.LogFailure"/>.</summary>
public sealed class TetherFailureLogEvent : TetherLogEvent
{
    /// <summary>Describes a failed call.</summary>
    /// <param name="operationName">The spec's <c>operationId</c>, or <see langword="null"/>.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="url">The URL without query string, user info or credential.</param>
    /// <param name="attempts">How many attempts were made (0 when the call failed before sending).</param>
    /// <param name="errorType">The error, as <c>error.type</c>: a status code such as <c>"500"</c>, or an exception type name.</param>
    /// <param name="statusCode">The status of the final response, if one arrived.</param>
    /// <param name="exception">What the call threw.</param>
    public TetherFailureLogEvent(
        string? operationName, string method, string url, int attempts, string errorType, HttpStatusCode? statusCode, Exception exception)
        : base(operationName, method, url)
    {
        Attempts = attempts;
        ErrorType = errorType;
        StatusCode = statusCode;
        Exception = exception;
    }

    /// <summary>How many attempts were made, the first included.</summary>
    public int Attempts { get; }

    /// <summary>The error as <c>error.type</c>: the status code as a string (<c>"500"</c>) or the exception's full type name.</summary>
    public string ErrorType { get; }

    /// <summary>The status of the final response, when the server answered (also for errors inside an event stream).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>
    /// What the call threw: normally a <see cref="TetherException"/>, whose message never contains the credential.
    /// </summary>
    public Exception Exception { get; }
}
