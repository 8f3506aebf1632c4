using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Tether.Generator.Model;
using Tether.Generator.Reading;
using JsonPointer = Tether.Generator.Reading.JsonPointer;

namespace Tether.Generator.Translating;

/// <summary>
/// <c>webhooks</c> (OpenAPI 3.1) → <see cref="WebhookSetModel"/>: each webhook's JSON request body is one member of a
/// synthetic <c>oneOf</c>, translated like any other union, so the event type's variants follow the union rules
/// (named for their payload types, told apart by their constant <c>type</c>, raw JSON for an unknown one).
/// </summary>
internal sealed class WebhookTranslator(SchemaTranslator translator)
{
    private const string Pointer = "#/webhooks";

    /// <summary>The name the event union asks for; the registry makes it unique.</summary>
    private const string EventTypeName = "WebhookEvent";

    public WebhookSetModel? Translate(OpenApiDocument document)
    {
        if (document.Webhooks is not { Count: > 0 } hooks)
        {
            return null;
        }

        var payloads = new List<(string Name, string? Description, IOpenApiSchema Schema)>();
        foreach (var hook in hooks)
        {
            translator.CancellationToken.ThrowIfCancellationRequested();
            var operation = hook.Value?.Operations?.OrderBy(entry => entry.Key.Method == "POST" ? 0 : 1).Select(entry => entry.Value).FirstOrDefault();
            var body = operation?.RequestBody?.Content?.FirstOrDefault(content => OperationTranslator.IsJson(content.Key)).Value?.Schema;
            if (body is not null)
            {
                payloads.Add((hook.Key, operation!.Description ?? operation.Summary, body));
            }
        }

        if (payloads.Count == 0)
        {
            return null;
        }

        var union = new OpenApiSchema
        {
            OneOf = payloads.Select(payload => payload.Schema).ToList(),
            Description = "One delivery of any of the webhooks the service sends; an event type this client does not know is kept as raw JSON.",
        };
        var eventType = translator.Resolve(union, new SchemaSite(Pointer, EventTypeName, IsFinalName: false, Component: null)).Type;
        var webhooks = payloads
            .Select((payload, index) => new WebhookModel(
                payload.Name,
                payload.Description?.Trim(),
                translator.Resolve(payload.Schema, new SchemaSite(JsonPointer.Append(Pointer, payload.Name), EventTypeName + index, IsFinalName: false, Component: null)).Type))
            .ToEquatableArray();
        return new WebhookSetModel(eventType, webhooks);
    }
}
