using System;
using System.Collections.Generic;
using System.Net;

namespace Tether;

/// <summary>
/// The server answered with a non-success status code (after any retries), or reported an error inside an event
/// stream. Carries the parsed error body (OpenAI shape: <c>{"error":{"message","type","code","param"}}</c>; other
/// shapes and non-JSON bodies are tolerated), the request id and the response headers.
/// </summary>
public class TetherApiException : TetherException
{
    /// <summary>Creates the exception; the pipeline does this, tests and mocks may too.</summary>
    /// <param name="message">The exception message; must not contain secrets.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="error">The parsed error body, or <see langword="null"/> when the body had none.</param>
    /// <param name="requestId">The <c>x-request-id</c> response header, if any.</param>
    /// <param name="headers">The response headers, with credentials already redacted.</param>
    /// <param name="responseBody">The response body text, truncated and redacted; <see langword="null"/> when unread.</param>
    /// <param name="attempts">How many HTTP attempts were made.</param>
    /// <param name="isStreamError">Whether the error arrived as an event inside a successful event stream.</param>
    public TetherApiException(
        string message,
        HttpStatusCode statusCode,
        ApiError? error,
        string? requestId,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        string? responseBody,
        int attempts,
        bool isStreamError = false)
        : base(message, attempts)
    {
        ArgumentNullException.ThrowIfNull(headers);
        StatusCode = statusCode;
        Error = error;
        RequestId = requestId;
        Headers = headers;
        ResponseBody = responseBody;
        IsStreamError = isStreamError;
    }

    /// <summary>
    /// The HTTP status of the response. For an error reported inside an event stream
    /// (<see cref="IsStreamError"/>) this is the stream's own status, normally 200.
    /// </summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The error the server described, or <see langword="null"/> when the body held none (e.g. an HTML page).</summary>
    public ApiError? Error { get; }

    /// <summary>The server's human-readable error message (<c>error.message</c>), if any.</summary>
    public string? ErrorMessage => Error?.Message;

    /// <summary>The server's error category (<c>error.type</c>, e.g. <c>invalid_request_error</c>), if any.</summary>
    public string? ErrorType => Error?.Type;

    /// <summary>The server's machine-readable error code (<c>error.code</c>, e.g. <c>rate_limit_exceeded</c>), if any.</summary>
    public string? ErrorCode => Error?.Code;

    /// <summary>The request parameter the error is about (<c>error.param</c>), if any.</summary>
    public string? ErrorParam => Error?.Param;

    /// <summary>The <c>x-request-id</c> response header: quote it when contacting the service's support.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// The response headers (content headers included), case-insensitive. Credential headers such as
    /// <c>Authorization</c> and <c>Set-Cookie</c> are redacted.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The response body as text, truncated to a few kilobytes, with the API key redacted; for diagnostics.</summary>
    public string? ResponseBody { get; }

    /// <summary>
    /// <see langword="true"/> when the error arrived as an event (<c>event: error</c> or an <c>{"error":…}</c>
    /// payload) inside a stream whose response itself succeeded.
    /// </summary>
    public bool IsStreamError { get; }
}
