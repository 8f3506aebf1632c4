using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;

namespace Tether;

/// <summary>Builds <see cref="TetherSerializationException"/>s that say what was read, as what, and where it broke.</summary>
internal static class SerializationFailure
{
    /// <param name="ex">What the serializer reported.</param>
    /// <param name="targetType">The type being read.</param>
    /// <param name="response">The response it came from, or <see langword="null"/>.</param>
    /// <param name="context">What was read, capitalised, e.g. <c>The response body</c> or <c>Event 'delta'</c>.</param>
    public static TetherSerializationException FromJsonException(JsonException ex, Type targetType, HttpResponseMessage? response, string context)
    {
        HttpStatusCode? status = response?.StatusCode;
        string? requestId = response is null ? null : ResponseDiagnostics.RequestId(response);
        string message =
            $"{context}{Describe(status, requestId)} is not valid JSON for {targetType.Name}: {ex.Message}";
        return new TetherSerializationException(
            message, targetType.Name, status, requestId, ex.Path, ex.LineNumber, ex.BytePositionInLine, ex);
    }

    /// <summary>For a JSON <c>null</c> where a value is required.</summary>
    public static TetherSerializationException NullValue(Type targetType, HttpResponseMessage? response, string context)
    {
        HttpStatusCode? status = response?.StatusCode;
        string? requestId = response is null ? null : ResponseDiagnostics.RequestId(response);
        return new TetherSerializationException(
            $"{context}{Describe(status, requestId)} is JSON null, but a {targetType.Name} was expected.",
            targetType.Name, status, requestId, jsonPath: "$", lineNumber: null, bytePositionInLine: null, innerException: null);
    }

    private static string Describe(HttpStatusCode? status, string? requestId) =>
        (status, requestId) switch
        {
            (null, null) => "",
            ({ } s, null) => $" (status {(int)s})",
            (null, { } id) => $" (request id {id})",
            ({ } s, { } id) => $" (status {(int)s}, request id {id})",
        };
}
