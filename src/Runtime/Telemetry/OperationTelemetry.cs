using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;

namespace Tether;

/// <summary>
/// The traces, metrics and logs of one operation call: its span, the attempt and retry counters, the duration
/// histogram and the <see cref="ITetherLogger"/> events. Created only when someone listens
/// (<see cref="TetherInstruments.AnyoneListens"/>); the pipeline reaches it through <see cref="CallSettings.Telemetry"/>,
/// which stays <see langword="null"/> otherwise, so calls nobody observes allocate nothing for it.
/// </summary>
/// <remarks>
/// A call is sequential (attempts, then reading), so no member needs to be thread-safe. Every record checks its
/// instrument's <c>Enabled</c> and the span's <see cref="Activity.IsAllDataRequested"/> first.
/// </remarks>
internal sealed class OperationTelemetry
{
    private const string MethodTag = "http.request.method";
    private const string StatusCodeTag = "http.response.status_code";
    private const string ErrorTypeTag = "error.type";

    private readonly CallSettings _call;
    private readonly Activity? _activity;
    private readonly ITetherLogger? _logger;
    private readonly string? _operationName;
    private readonly string _method;
    private readonly string _displayBaseAddress;
    private readonly string _pathAndQuery;
    private readonly long _startTimestamp;
    private string? _url;
    private int? _statusCode;
    private int _attemptsCounted;
    private bool _ended;

    private OperationTelemetry(
        CallSettings call, Activity? activity, ITetherLogger? logger, TetherRequest request, string method, string displayBaseAddress, string? url)
    {
        _call = call;
        _activity = activity;
        _logger = logger;
        _operationName = request.OperationName;
        _method = method;
        _displayBaseAddress = displayBaseAddress;
        _pathAndQuery = request.PathAndQuery;
        _url = url;
        _startTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>The URL for spans and logs, built when first needed (log events are rare).</summary>
    private string Url => _url ??= UrlWithoutQuery(_displayBaseAddress, _pathAndQuery, _call.Secrets);

    /// <summary>
    /// Starts the call's span, which becomes <see cref="Activity.Current"/>: call it from the async method that sends,
    /// so that <see cref="HttpClient"/>'s spans nest under it and the caller's <see cref="Activity.Current"/> is untouched.
    /// </summary>
    /// <param name="request">The call.</param>
    /// <param name="call">Its settings, which will hold the telemetry.</param>
    /// <param name="displayBaseAddress">The base address without user info, as in exception messages.</param>
    /// <param name="logger">The client's logger, if any.</param>
    public static OperationTelemetry Start(TetherRequest request, CallSettings call, string displayBaseAddress, ITetherLogger? logger)
    {
        string method = request.Method.Method;
        string? url = null;
        Activity? activity = TetherInstruments.Source.StartActivity(request.OperationName ?? method, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            url = UrlWithoutQuery(displayBaseAddress, request.PathAndQuery, call.Secrets);
            activity.SetTag(MethodTag, method);
            activity.SetTag("server.address", call.Uri.IdnHost);
            activity.SetTag("server.port", call.Uri.Port);
            activity.SetTag("url.full", url);
            if (request.OperationName is { } operationName)
            {
                activity.SetTag(TetherTelemetry.OperationNameTag, operationName);
            }
        }

        return new OperationTelemetry(call, activity, logger is { IsEnabled: true } ? logger : null, request, method, displayBaseAddress, url);
    }

    /// <summary>Ends the call's telemetry as a success, if the call has any and it has not ended yet.</summary>
    public static void Complete(CallSettings call) => call.Telemetry?.Complete();

    /// <summary>
    /// Ends the call's telemetry as a failure with <paramref name="exception"/>. Always <see langword="false"/>, for
    /// use as an exception filter: the exception propagates untouched, stack trace included.
    /// </summary>
    public static bool ObserveFailure(CallSettings call, Exception exception)
    {
        call.Telemetry?.Fail(exception);
        return false;
    }

    /// <summary>An attempt ended with <paramref name="response"/> (success) or <paramref name="failure"/>.</summary>
    public void AttemptEnded(HttpResponseMessage? response, Exception? failure)
    {
        _attemptsCounted++;
        _statusCode = response is not null ? (int)response.StatusCode : StatusOf(failure);
        if (TetherInstruments.Attempts.Enabled)
        {
            TagList tags = CommonTags();
            AddOutcome(ref tags, _statusCode, failure);
            TetherInstruments.Attempts.Add(1, tags);
        }
    }

    /// <summary>Attempt <paramref name="attempt"/> failed with <paramref name="failure"/>; the next one starts after <paramref name="delay"/>.</summary>
    public void Retrying(int attempt, TetherException failure, TimeSpan delay)
    {
        string reason = TelemetryErrorType.Of(failure);
        if (TetherInstruments.Retries.Enabled)
        {
            TagList tags = CommonTags();
            tags.Add(TetherTelemetry.RetryReasonTag, reason);
            TetherInstruments.Retries.Add(1, tags);
        }

        if (_activity is { IsAllDataRequested: true })
        {
            _activity.AddEvent(new ActivityEvent(TetherTelemetry.RetryEventName, tags: new ActivityTagsCollection
            {
                { TetherTelemetry.RetryReasonTag, reason },
                { TetherTelemetry.RetryAttemptTag, attempt },
                { TetherTelemetry.RetryDelayTag, delay.TotalSeconds },
            }));
        }

        if (_logger is not null)
        {
            if (failure is TetherTimeoutException timeout)
            {
                _logger.LogTimeout(new TetherTimeoutLogEvent(_operationName, _method, Url, timeout.Limit, timeout.Timeout, attempt, willRetry: true));
            }

            _logger.LogRetry(new TetherRetryLogEvent(_operationName, _method, Url, attempt, delay, reason, failure));
        }
    }

    /// <summary>The response was read with <paramref name="journal"/>'s members tolerated.</summary>
    public void ReadTolerantly(Tether.Primitives.ToleranceJournal journal)
    {
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.AddEvent(new ActivityEvent(TetherTelemetry.ToleratedEventName, tags: new ActivityTagsCollection
            {
                { TetherTelemetry.ToleratedCountTag, journal.Count },
                { TetherTelemetry.ToleratedMembersTag, string.Join(',', journal.Names) },
            }));
        }

        _logger?.LogTolerated(new TetherToleratedLogEvent(_operationName, _method, Url, journal.Count, journal.Names));
    }

    private void Complete()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        RecordDuration(errorType: null);
        if (_activity is not null)
        {
            TagEnd(_activity);
            _activity.Stop();
        }
    }

    private void Fail(Exception exception)
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        string errorType = TelemetryErrorType.Of(exception);
        if (_attemptsCounted < _call.Attempts)
        {
            // The attempt itself threw (the caller cancelled mid-attempt): it ended all the same.
            AttemptEnded(response: null, exception);
        }

        if (exception is TetherApiException api)
        {
            _statusCode = (int)api.StatusCode;
        }

        RecordDuration(errorType);
        if (_activity is not null)
        {
            TagEnd(_activity);
            if (_activity.IsAllDataRequested)
            {
                _activity.SetTag(ErrorTypeTag, errorType);
            }

            // No description: exception messages name the URL with its query string, which the span leaves out.
            _activity.SetStatus(ActivityStatusCode.Error);
            _activity.Stop();
        }

        // Cancellation through the caller's token is the caller's decision: it is on the span, not in the log.
        if (_logger is not null && exception is not OperationCanceledException)
        {
            if (exception is TetherTimeoutException timeout)
            {
                _logger.LogTimeout(new TetherTimeoutLogEvent(
                    _operationName, _method, Url, timeout.Limit, timeout.Timeout, _call.Attempts, willRetry: false));
            }

            _logger.LogFailure(new TetherFailureLogEvent(
                _operationName, _method, Url, _call.Attempts, errorType, (HttpStatusCode?)_statusCode, exception));
        }
    }

    private void RecordDuration(string? errorType)
    {
        if (TetherInstruments.OperationDuration.Enabled)
        {
            TagList tags = CommonTags();
            if (_statusCode is { } status)
            {
                tags.Add(StatusCodeTag, status);
            }

            if (errorType is not null)
            {
                tags.Add(ErrorTypeTag, errorType);
            }

            TetherInstruments.OperationDuration.Record(Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds, tags);
        }
    }

    private void TagEnd(Activity activity)
    {
        if (!activity.IsAllDataRequested)
        {
            return;
        }

        if (_statusCode is { } status)
        {
            activity.SetTag(StatusCodeTag, status);
        }

        if (_call.Attempts > 1)
        {
            activity.SetTag("http.request.resend_count", _call.Attempts - 1);
        }
    }

    private TagList CommonTags()
    {
        var tags = default(TagList);
        if (_operationName is not null)
        {
            tags.Add(TetherTelemetry.OperationNameTag, _operationName);
        }

        tags.Add(MethodTag, _method);
        return tags;
    }

    private static void AddOutcome(ref TagList tags, int? statusCode, Exception? failure)
    {
        if (statusCode is { } status)
        {
            tags.Add(StatusCodeTag, status);
        }

        if (failure is not null)
        {
            tags.Add(ErrorTypeTag, TelemetryErrorType.Of(failure));
        }
    }

    /// <summary>
    /// Base address and path only: a query string may carry credentials (<c>key=…</c>), and the credential is
    /// redacted should a path hold it. Built from the strings the pipeline joined, as <see cref="Uri.GetComponents"/>
    /// refuses the path of a URI built without canonicalization.
    /// </summary>
    private static string UrlWithoutQuery(string displayBaseAddress, string pathAndQuery, IReadOnlyList<string>? secret)
    {
        int query = pathAndQuery.AsSpan().IndexOfAny('?', '#');
        string path = query >= 0 ? pathAndQuery[..query] : pathAndQuery;
        string url = path.Length == 0 || path[0] == '/' ? displayBaseAddress + path : displayBaseAddress + "/" + path;
        return SecretRedactor.Redact(url, secret);
    }

    private static int? StatusOf(Exception? failure) =>
        failure is TetherApiException api ? (int)api.StatusCode : null;
}
