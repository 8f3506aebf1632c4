namespace Tether.Generator.Model;

/// <summary>
/// The spec's <c>webhooks</c> (OpenAPI 3.1): <see cref="EventType"/> is the union of every payload, each told apart
/// by its constant <c>type</c> property; <see cref="Webhooks"/> lists them for the receiver's documentation.
/// </summary>
internal sealed record WebhookSetModel(TypeRef EventType, EquatableArray<WebhookModel> Webhooks);

/// <summary>One webhook: its key in the spec (<c>batch_completed</c>), what the spec says of it, and its payload type.</summary>
internal sealed record WebhookModel(string Name, string? Description, TypeRef Payload);
