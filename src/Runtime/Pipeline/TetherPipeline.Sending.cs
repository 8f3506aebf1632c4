using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Tether;

// The retry loop and a single attempt.
public sealed partial class TetherPipeline
{
    private static readonly UriCreationOptions VerbatimPath = new()
    {
        // Paths are escaped by UriPath and QueryStringBuilder and must reach the server as built; canonicalization
        // would unescape percent-encoded characters such as %2E and then remove dot segments.
        DangerousDisablePathAndQueryCanonicalization = true,
    };

    private CallSettings Prepare(TetherRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        // The requirement picks its alternative once per call; a fixed secret is read then too, before anything is
        // sent, and a callback is asked before each attempt.
        IReadOnlyList<TetherCredential> credentials = request.Security?.Choose()
            ?? (request.Credential is { } single ? single.Alone : Array.Empty<TetherCredential>());
        if (request.BearerToken is { } token)
        {
            HeaderValidation.ValidateValue(token, nameof(request.BearerToken));
        }

        string path = request.PathAndQuery;
        string separator = path.Length == 0 || path[0] is '/' or '?' ? "" : "/";
        var uri = new Uri(_baseAddress + separator + path, VerbatimPath);
        var call = new CallSettings(
            uri,
            request,
            _displayBaseAddress,
            credentials,
            request.Options?.Timeout ?? _timeout,
            request.Options?.MaxRetries ?? _maxRetries);
        if (request.BearerToken is { } bearer && credentials.Count == 0)
        {
            call.AddSecret(bearer);
        }

        for (int i = 0; i < credentials.Count; i++)
        {
            if (!credentials[i].IsRefreshable)
            {
                call.SetCredentialValue(i, ValidatedToken(credentials[i].FixedWireValue()));
            }
        }

        return call;
    }

    private async Task<HttpResponseMessage> RetryLoopAsync(
        TetherRequest request, CallSettings call, HttpCompletionOption completion, string? accept, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw CallerCancelled(null, cancellationToken);
            }

            call.Attempts = attempt;
            // Both awaits are of the same type, so the loop's state machine (allocated per call) gains no field for
            // the callback path.
            AttemptOutcome outcome = await (HasRefreshable(call)
                ? AttemptWithFreshTokenAsync(request, call, completion, accept, attempt, cancellationToken)
                : AttemptAsync(request, call, completion, accept, attempt, cancellationToken)).ConfigureAwait(false);
            call.Telemetry?.AttemptEnded(outcome.Response, outcome.Failure);
            if (outcome.Response is { } response)
            {
                return response;
            }

            bool canRetry = outcome.Retryable && attempt <= call.MaxRetries && (request.Content?.IsReplayable ?? true);
            if (!canRetry)
            {
                throw outcome.Failure!;
            }

            TimeSpan delay = _retryPolicy.DelayBeforeRetry(attempt - 1, outcome.ServerDelay, Random.Shared.NextDouble());
            call.Telemetry?.Retrying(attempt, outcome.Failure!, delay);
            try
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex)
            {
                throw CallerCancelled(ex, cancellationToken);
            }
        }
    }

    private async Task<AttemptOutcome> AttemptAsync(
        TetherRequest request, CallSettings call, HttpCompletionOption completion, string? accept, int attempt, CancellationToken cancellationToken)
    {
        using HttpRequestMessage message = CreateMessage(request, call, accept);
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (call.Timeout != Timeout.InfiniteTimeSpan)
        {
            attemptTimeout.CancelAfter(call.Timeout);
        }

        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(message, completion, attemptTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw CallerCancelled(ex, cancellationToken);
        }
        catch (OperationCanceledException ex) when (attemptTimeout.IsCancellationRequested)
        {
            return AttemptOutcome.Failed(
                new TetherTimeoutException(
                    $"{call.Description} did not complete within the per-attempt timeout of {Duration.Format(call.Timeout)} " +
                    $"(TetherClientOptions.Timeout, or RequestOptions.Timeout for one call){AfterAttempts(attempt)}.",
                    TetherTimeoutLimit.AttemptTimeout, call.Timeout, attempt, ex),
                retryable: true);
        }
        catch (OperationCanceledException ex) when (ex.InnerException is TimeoutException)
        {
            // Neither our token nor the caller's: HttpClient.Timeout of a caller's client, or a handler's ConnectTimeout.
            TimeSpan? clientTimeout = _client.Timeout == Timeout.InfiniteTimeSpan ? null : _client.Timeout;
            return AttemptOutcome.Failed(
                new TetherTimeoutException(
                    $"{call.Description} was stopped by a timeout outside Tether ({SecretRedactor.Redact(ex.Message, call.Secrets)}){AfterAttempts(attempt)}. " +
                    "A caller-supplied HttpClient keeps its own Timeout (100 s by default): set it to Timeout.InfiniteTimeSpan " +
                    "and use TetherClientOptions.Timeout instead.",
                    TetherTimeoutLimit.TransportTimeout, clientTimeout, attempt, ex),
                retryable: true);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            bool retryable = ex is not HttpRequestException requestException || RetryPolicy.IsRetryable(requestException);
            return AttemptOutcome.Failed(
                new TetherConnectionException(
                    $"{call.Description} got no response: {SecretRedactor.Redact(ex.Message, call.Secrets)}{AfterAttempts(attempt)}.",
                    attempt, ex),
                retryable);
        }

        if (response.IsSuccessStatusCode)
        {
            return AttemptOutcome.Succeeded(response);
        }

        using (response)
        {
            byte[] body = await ResponseDiagnostics.ReadBoundedBodyAsync(response, attemptTimeout.Token).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                throw CallerCancelled(null, cancellationToken);
            }

            return AttemptOutcome.Failed(
                ApiExceptionFactory.FromResponse(response, body, attempt, call.Description, call.Secrets),
                RetryPolicy.IsRetryable(response),
                RetryAfter.Parse(response, DateTimeOffset.UtcNow));
        }
    }

    private HttpRequestMessage CreateMessage(TetherRequest request, CallSettings call, string? accept)
    {
        CredentialTarget? credentials = call.Credentials.Count == 0 ? null : CredentialsOf(call);
        var message = new HttpRequestMessage(request.Method, credentials?.Query is { } query ? WithQuery(call.Uri, query.ToString()) : call.Uri);
        try
        {
            message.Content = request.Content?.CreateHttpContent();

            // Later headers replace earlier ones: client defaults, then the operation's, then the call's options.
            if (_userAgent is not null)
            {
                SetHeader(message, "User-Agent", _userAgent);
            }

            if (accept is not null)
            {
                SetHeader(message, "Accept", accept);
            }

            foreach (KeyValuePair<string, string> header in _defaultHeaders)
            {
                SetHeader(message, header.Key, header.Value);
            }

            foreach (KeyValuePair<string, string> header in request.Headers)
            {
                SetHeader(message, header.Key, header.Value);
            }

            if (credentials is not null)
            {
                for (int i = 0; i < credentials.HeaderCount; i++)
                {
                    KeyValuePair<string, string> header = credentials.Header(i);
                    SetHeader(message, header.Key, header.Value);
                }

                if (credentials.Cookies is { } cookies)
                {
                    // A caller's own cookie header is kept; the credential's cookie joins it.
                    string cookie = message.Headers.TryGetValues("Cookie", out IEnumerable<string>? existing)
                        ? string.Join("; ", existing) + "; " + cookies
                        : cookies.ToString();
                    SetHeader(message, "Cookie", cookie);
                }
            }
            else if (request.BearerToken is { } token)
            {
                SetHeader(message, "Authorization", "Bearer " + token);
            }

            if (request.Options is { HasHeaders: true } options)
            {
                foreach (KeyValuePair<string, string> header in options.Headers)
                {
                    HeaderValidation.ValidateName(header.Key, nameof(RequestOptions.Headers));
                    HeaderValidation.ValidateValue(header.Value, nameof(RequestOptions.Headers));
                    SetHeader(message, header.Key, header.Value);
                }
            }

            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    private static void SetHeader(HttpRequestMessage message, string name, string value)
    {
        message.Headers.Remove(name);
        if (!message.Headers.TryAddWithoutValidation(name, value) && message.Content is { } content)
        {
            // Content-Type and friends belong to the content; without a body they have nothing to describe.
            content.Headers.Remove(name);
            content.Headers.TryAddWithoutValidation(name, value);
        }
    }

    /// <summary>An attempt with the callbacks' current secrets: asked each time, so a retry uses a refreshed one.</summary>
    private async Task<AttemptOutcome> AttemptWithFreshTokenAsync(
        TetherRequest request, CallSettings call, HttpCompletionOption completion, string? accept, int attempt, CancellationToken cancellationToken)
    {
        for (int i = 0; i < call.Credentials.Count; i++)
        {
            if (call.Credentials[i].IsRefreshable)
            {
                call.SetCredentialValue(i, ValidatedToken(await call.Credentials[i].GetWireValueAsync(cancellationToken).ConfigureAwait(false)));
            }
        }

        return await AttemptAsync(request, call, completion, accept, attempt, cancellationToken).ConfigureAwait(false);
    }

    private static bool HasRefreshable(CallSettings call)
    {
        foreach (TetherCredential credential in call.Credentials)
        {
            if (credential.IsRefreshable)
            {
                return true;
            }
        }

        return false;
    }

    private static CredentialTarget CredentialsOf(CallSettings call)
    {
        var target = new CredentialTarget();
        for (int i = 0; i < call.Credentials.Count; i++)
        {
            call.Credentials[i].Apply(target, call.CredentialValues[i]!);
        }

        return target;
    }

    /// <summary>The call's URI with the credentials' query parameters after the operation's; the path stays as built.</summary>
    private static Uri WithQuery(Uri uri, string query)
    {
        string text = uri.OriginalString;
        string separator = !text.Contains('?', StringComparison.Ordinal) ? "?" : text.EndsWith('?') || text.EndsWith('&') ? "" : "&";
        return new Uri(text + separator + query, VerbatimPath);
    }

    private static string ValidatedToken(string token) => HeaderValidation.IsValidValue(token)
        ? token
        : throw new TetherCredentialException("The credential's token contains a line break or another character a header cannot carry.");

    private static string AfterAttempts(int attempt) => attempt == 1 ? "; after 1 attempt" : $"; gave up after {attempt} attempts";

    private static OperationCanceledException CallerCancelled(Exception? inner, CancellationToken cancellationToken) =>
        new("The call was cancelled through the caller's CancellationToken.", inner, cancellationToken);

    /// <summary>What one attempt produced: a success response, or a failure and whether to try again.</summary>
    private sealed class AttemptOutcome
    {
        private AttemptOutcome(HttpResponseMessage? response, TetherException? failure, bool retryable, TimeSpan? serverDelay)
        {
            Response = response;
            Failure = failure;
            Retryable = retryable;
            ServerDelay = serverDelay;
        }

        public HttpResponseMessage? Response { get; }

        public TetherException? Failure { get; }

        public bool Retryable { get; }

        /// <summary>The delay the server asked for (Retry-After), if any.</summary>
        public TimeSpan? ServerDelay { get; }

        public static AttemptOutcome Succeeded(HttpResponseMessage response) => new(response, null, false, null);

        public static AttemptOutcome Failed(TetherException failure, bool retryable, TimeSpan? serverDelay = null) =>
            new(null, failure, retryable, serverDelay);
    }
}
