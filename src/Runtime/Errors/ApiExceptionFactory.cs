using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;

namespace Tether;

/// <summary>Builds <see cref="TetherApiException"/>s with a message that says what failed, how, and how to trace it.</summary>
internal static class ApiExceptionFactory
{
    /// <summary>For a non-success response.</summary>
    public static TetherApiException FromResponse(
        HttpResponseMessage response, byte[] body, int attempts, string requestDescription, IReadOnlyList<string>? secret)
    {
        ApiError? error = Redact(ApiErrorParser.Parse(body), secret);
        string? requestId = SecretRedactor.RedactOrNull(ResponseDiagnostics.RequestId(response), secret);
        string bodyText = ResponseDiagnostics.BodyText(body, secret);

        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"{requestDescription} failed with {(int)response.StatusCode} ({SecretRedactor.Redact(Reason(response), secret)})");
        message.Append(CultureInfo.InvariantCulture, $" after {attempts} attempt{(attempts == 1 ? "" : "s")}");
        AppendDetails(message, error, requestId, bodyText);

        return new TetherApiException(
            message.ToString(), response.StatusCode, error, requestId,
            ResponseDiagnostics.Headers(response, secret), bodyText, attempts);
    }

    /// <summary>For an error event inside a successful event stream.</summary>
    public static TetherApiException FromStreamEvent(
        HttpResponseMessage response, string eventType, byte[] data, int attempts, string requestDescription, IReadOnlyList<string>? secret)
    {
        ApiError? error = Redact(ApiErrorParser.Parse(data), secret);
        string? requestId = SecretRedactor.RedactOrNull(ResponseDiagnostics.RequestId(response), secret);
        string dataText = ResponseDiagnostics.BodyText(data, secret);

        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"{requestDescription}: the server reported an error in the event stream");
        if (eventType.Length > 0 && eventType != "message")
        {
            message.Append(CultureInfo.InvariantCulture, $" (event '{SecretRedactor.Redact(eventType, secret)}')");
        }

        AppendDetails(message, error, requestId, dataText);
        return new TetherApiException(
            message.ToString(), response.StatusCode, error, requestId,
            ResponseDiagnostics.Headers(response, secret), dataText, attempts, isStreamError: true);
    }

    private static void AppendDetails(StringBuilder message, ApiError? error, string? requestId, string bodyText)
    {
        if (error?.Message is { } text)
        {
            message.Append(": ").Append(text);
        }
        else if (bodyText.Length > 0)
        {
            // No recognisable error object (an HTML page from a proxy, say): a short excerpt still helps.
            message.Append(": ").Append(Excerpt(bodyText));
        }
        else
        {
            message.Append(" (empty body)");
        }

        var details = new StringBuilder();
        AppendDetail(details, "type", error?.Type);
        AppendDetail(details, "code", error?.Code);
        AppendDetail(details, "param", error?.Param);
        AppendDetail(details, "request id", requestId);
        if (details.Length > 0)
        {
            message.Append(" (").Append(details).Append(')');
        }
    }

    private static void AppendDetail(StringBuilder details, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (details.Length > 0)
        {
            details.Append(", ");
        }

        details.Append(name).Append(": ").Append(value);
    }

    private static string Excerpt(string text)
    {
        const int MaxChars = 200;
        string oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= MaxChars ? oneLine : string.Concat(oneLine.AsSpan(0, MaxChars), "…");
    }

    private static string Reason(HttpResponseMessage response) =>
        response.ReasonPhrase is { Length: > 0 } phrase ? phrase : ((HttpStatusCode)(int)response.StatusCode).ToString();

    private static ApiError? Redact(ApiError? error, IReadOnlyList<string>? secret) =>
        error is null || secret is not { Count: > 0 }
            ? error
            : new ApiError(
                SecretRedactor.RedactOrNull(error.Message, secret),
                SecretRedactor.RedactOrNull(error.Type, secret),
                SecretRedactor.RedactOrNull(error.Code, secret),
                SecretRedactor.RedactOrNull(error.Param, secret));
}
