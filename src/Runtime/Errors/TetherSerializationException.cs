using System;
using System.Net;

namespace Tether;

/// <summary>
/// A response body (or one streamed event) could not be read as the expected type: it was not valid JSON, had the
/// wrong shape, or was JSON <c>null</c> where a value was required. Thrown instead of returning partial data.
/// </summary>
/// <remarks>The response itself arrived, so retries are not involved; <see cref="TetherException.Attempts"/> is 0.</remarks>
public class TetherSerializationException : TetherException
{
    /// <summary>Creates the exception; the pipeline does this, tests and mocks may too.</summary>
    /// <param name="message">What failed; must not contain secrets.</param>
    /// <param name="targetType">The name of the type the body was read as.</param>
    /// <param name="statusCode">The HTTP status of the response, when there was one.</param>
    /// <param name="requestId">The <c>x-request-id</c> response header, if any.</param>
    /// <param name="jsonPath">Where in the document reading failed (e.g. <c>$.choices[0].index</c>), when known.</param>
    /// <param name="lineNumber">Zero-based line of the failure, when known.</param>
    /// <param name="bytePositionInLine">Zero-based byte offset in that line, when known.</param>
    /// <param name="innerException">The <see cref="System.Text.Json.JsonException"/> that reported it, if any.</param>
    public TetherSerializationException(
        string message,
        string targetType,
        HttpStatusCode? statusCode,
        string? requestId,
        string? jsonPath,
        long? lineNumber,
        long? bytePositionInLine,
        Exception? innerException)
        : base(message, attempts: 0, innerException)
    {
        TargetType = targetType;
        StatusCode = statusCode;
        RequestId = requestId;
        JsonPath = jsonPath;
        LineNumber = lineNumber;
        BytePositionInLine = bytePositionInLine;
    }

    /// <summary>The name of the type the body was read as.</summary>
    public string TargetType { get; }

    /// <summary>The HTTP status of the response, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The <c>x-request-id</c> response header, if any.</summary>
    public string? RequestId { get; }

    /// <summary>Where in the JSON document reading failed, when known.</summary>
    public string? JsonPath { get; }

    /// <summary>Zero-based line of the failure, when known.</summary>
    public long? LineNumber { get; }

    /// <summary>Zero-based byte offset of the failure within its line, when known.</summary>
    public long? BytePositionInLine { get; }
}
