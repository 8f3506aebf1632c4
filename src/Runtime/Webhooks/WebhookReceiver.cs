using System;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace Tether;

/// <summary>
/// Receives a service's webhooks: verifies each delivery (<see cref="WebhookSignature"/>) and reads it as the event
/// union generated from the spec's <c>webhooks</c>. Generated clients expose one as <c>client.Webhooks</c>.
/// </summary>
/// <typeparam name="TEvent">The generated union of every webhook payload; an unknown event type is kept as raw JSON.</typeparam>
public abstract class WebhookReceiver<TEvent>
    where TEvent : class
{
    private readonly string? _secret;
    private readonly string? _secretEnvironmentVariable;
    private readonly string _secretSettingName;
    private readonly TimeSpan _tolerance;

    /// <summary>Creates a receiver with the client's settings.</summary>
    /// <param name="secret">The configured secret, or <see langword="null"/>.</param>
    /// <param name="secretEnvironmentVariable">The variable read when no secret is configured or given (e.g. <c>OPENAI_WEBHOOK_SECRET</c>).</param>
    /// <param name="secretSettingName">How the user configures the secret, for messages (e.g. <c>OpenAIClientOptions.WebhookSecret</c>).</param>
    /// <param name="tolerance">How far a delivery's timestamp may be from now.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected WebhookReceiver(string? secret, string? secretEnvironmentVariable, string secretSettingName, TimeSpan tolerance)
    {
        _secret = secret;
        _secretEnvironmentVariable = secretEnvironmentVariable;
        _secretSettingName = secretSettingName;
        _tolerance = tolerance;
    }

    /// <summary>Verifies a delivery's signature and timestamp, and reads its body as the typed event.</summary>
    /// <param name="payload">The raw request body, exactly as received (read it as a string before any JSON parsing).</param>
    /// <param name="headers">The request's headers: a dictionary, <c>HttpHeaders</c>, or <c>WebhookHeaders.From(request.Headers)</c>.</param>
    /// <param name="secret">The signing secret; when <see langword="null"/>, the client's option, then its environment variable.</param>
    /// <exception cref="TetherWebhookException">A check failed, or the body is not an event.</exception>
    public TEvent Unwrap(string payload, WebhookHeaders headers, string? secret = null)
    {
        var bytes = Encoding.UTF8.GetBytes(payload ?? throw new ArgumentNullException(nameof(payload)));
        return Unwrap(bytes, headers, secret);
    }

    /// <inheritdoc cref="Unwrap(string, WebhookHeaders, string?)"/>
    public TEvent Unwrap(ReadOnlySpan<byte> payload, WebhookHeaders headers, string? secret = null)
    {
        VerifySignature(payload, headers, secret);
        TEvent? value;
        try
        {
            value = Read(payload);
        }
        catch (JsonException exception)
        {
            throw new TetherWebhookException(WebhookCheck.Payload, "The signed body is not a JSON event: " + exception.Message, exception);
        }

        return value ?? throw new TetherWebhookException(WebhookCheck.Payload, "The signed body is JSON null, not an event.");
    }

    /// <summary>Verifies a delivery's signature and timestamp only.</summary>
    /// <inheritdoc cref="Unwrap(string, WebhookHeaders, string?)"/>
    public void VerifySignature(string payload, WebhookHeaders headers, string? secret = null) =>
        VerifySignature(Encoding.UTF8.GetBytes(payload ?? throw new ArgumentNullException(nameof(payload))), headers, secret);

    /// <inheritdoc cref="VerifySignature(string, WebhookHeaders, string?)"/>
    public void VerifySignature(ReadOnlySpan<byte> payload, WebhookHeaders headers, string? secret = null) =>
        WebhookSignature.Verify(payload, headers, ResolveSecret(secret), _tolerance, DateTimeOffset.UtcNow);

    /// <summary>Reads a verified body as the event union.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract TEvent? Read(ReadOnlySpan<byte> json);

    private string ResolveSecret(string? secret)
    {
        if (!string.IsNullOrWhiteSpace(secret))
        {
            return secret;
        }

        if (ApiKeyResolver.Find(_secret, _secretEnvironmentVariable) is { } configured)
        {
            return configured;
        }

        throw new TetherWebhookException(
            WebhookCheck.Secret,
            string.IsNullOrEmpty(_secretEnvironmentVariable)
                ? $"No webhook secret: pass one, or set {_secretSettingName}."
                : $"No webhook secret: pass one, set {_secretSettingName}, or set the environment variable {_secretEnvironmentVariable}.");
    }
}
