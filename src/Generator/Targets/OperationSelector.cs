using System;
using System.Collections.Generic;
using System.Linq;
using Tether.Generator.Diagnostics;
using Tether.Generator.Model;
using Tether.Generator.Reading;
using Tether.Generator.Translating;

namespace Tether.Generator.Targets;

/// <summary>
/// Narrows a spec's model to the operations a client asks for (<c>Tags</c>, <c>Operations</c> of
/// <c>[GenerateClient]</c>) and the types those operations reach, so a client of a few endpoints of a large spec
/// compiles only what it uses (the webhook event types are always kept). Works on the equatable model alone: the emitter never knows a selection was made.
/// </summary>
internal static class OperationSelector
{
    public static ApiModel Apply(ApiModel model, ClientTarget target, string specPath, ICollection<DiagnosticInfo> diagnostics)
    {
        var selection = target.Selection;
        if (selection.IsEverything)
        {
            return model;
        }

        // A tag matches the group it generates (`Vector stores`, `vector-stores` and `VectorStores` all name the same).
        var groups = selection.Tags.ToDictionary(tag => tag, IdentifierRules.PascalCase, StringComparer.Ordinal);
        var wantedGroups = new HashSet<string>(groups.Values, StringComparer.Ordinal);
        var wantedIds = new HashSet<string>(selection.Operations, StringComparer.Ordinal);
        var operations = model.Operations
            .Where(operation => (operation.Group is { } group && wantedGroups.Contains(group)) || wantedIds.Contains(operation.OperationId))
            .ToList();

        ReportUnmatched(model, target, specPath, groups, diagnostics);

        var types = model.Types.ToDictionary(type => type.Name, StringComparer.Ordinal);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<TypeRef>(operations.SelectMany(TypesUsedBy));
        // Webhooks are no operation of a tag: a client receives them whichever operations it calls.
        if (model.Webhooks is { } webhooks)
        {
            pending.Push(webhooks.EventType);
        }

        while (pending.Count > 0)
        {
            var reference = pending.Pop();
            if (reference.Element is { } element)
            {
                pending.Push(element);
            }

            if (reference.Kind == TypeRefKind.Named && reference.Name is { } name && reached.Add(name) && types.TryGetValue(name, out var type))
            {
                foreach (var inner in TypesUsedBy(type))
                {
                    pending.Push(inner);
                }
            }
        }

        var schemes = new HashSet<string>(
            operations.Select(operation => operation.Security).Append(model.DefaultSecurity)
                .SelectMany(requirement => requirement?.Alternatives.SelectMany(alternative => alternative.Schemes) ?? []),
            StringComparer.Ordinal);
        return model with
        {
            Types = model.Types.Where(type => reached.Contains(type.Name)).ToEquatableArray(),
            Operations = operations.ToEquatableArray(),
            SecuritySchemes = model.SecuritySchemes.Where(scheme => schemes.Contains(scheme.Name)).ToEquatableArray(),
        };
    }

    private static void ReportUnmatched(
        ApiModel model, ClientTarget target, string specPath, Dictionary<string, string> groups, ICollection<DiagnosticInfo> diagnostics)
    {
        var knownGroups = new HashSet<string>(model.Operations.Select(operation => operation.Group).OfType<string>(), StringComparer.Ordinal);
        foreach (var pair in groups.Where(pair => !knownGroups.Contains(pair.Value)))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.SelectionMatchesNothing,
                target.AttributeLocation,
                "tag '" + pair.Key + "'",
                specPath,
                "its tags: " + string.Join(", ", knownGroups.OrderBy(group => group, StringComparer.Ordinal))));
        }

        var knownIds = new HashSet<string>(model.Operations.Select(operation => operation.OperationId), StringComparer.Ordinal);
        foreach (var id in target.Selection.Operations.Where(id => !knownIds.Contains(id)))
        {
            var near = model.Operations.FirstOrDefault(operation => string.Equals(operation.OperationId, id, StringComparison.OrdinalIgnoreCase));
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.SelectionMatchesNothing,
                target.AttributeLocation,
                "operation '" + id + "'",
                specPath,
                near is null ? "operationIds are case-sensitive" : "did you mean '" + near.OperationId + "'?"));
        }
    }

    private static IEnumerable<TypeRef> TypesUsedBy(OperationModel operation)
    {
        foreach (var parameter in operation.Parameters)
        {
            yield return parameter.Type;
        }

        if (operation.Body is { } body)
        {
            yield return body.Type;
        }

        if (operation.Response.Type is { } response)
        {
            yield return response;
        }

        if (operation.Streaming is { } streaming)
        {
            yield return streaming.EventType;
        }
    }

    private static IEnumerable<TypeRef> TypesUsedBy(TypeModel type)
    {
        switch (type)
        {
            case ObjectTypeModel model:
                foreach (var property in model.Properties)
                {
                    yield return property.Type;
                }

                if (model.AdditionalProperties is { } additional)
                {
                    yield return additional;
                }

                break;
            case UnionTypeModel union:
                foreach (var variant in union.Variants)
                {
                    yield return variant.Type;
                }

                break;
        }
    }
}
