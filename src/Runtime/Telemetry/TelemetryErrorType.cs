using System;
using System.Globalization;

namespace Tether;

/// <summary>
/// The <c>error.type</c> of a failure, as the OpenTelemetry HTTP conventions have it: the status code when the server
/// answered with an error status, otherwise the exception's full type name. Low-cardinality, so it can tag metrics.
/// </summary>
internal static class TelemetryErrorType
{
    public static string Of(Exception exception) =>
        // An error inside an event stream came with a 200: the status says nothing about it, the type does.
        exception is TetherApiException { IsStreamError: false } api
            ? ((int)api.StatusCode).ToString(CultureInfo.InvariantCulture)
            : exception.GetType().FullName ?? exception.GetType().Name;
}
