using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.OpenApi;
using Tether.Generator.Model;
using Tether.Generator.Reading;

namespace Tether.Generator.Translating;

/// <summary>
/// OpenAPI.NET document → <see cref="ApiModel"/>. Order of work (it decides who keeps a contested name):
/// component names are reserved, components are translated in ordinal key order with the types nested in them,
/// then operations in document order with theirs, then webhooks; unions are finished last. Types are sorted by name so that
/// the model — the incremental pipeline's cache key — depends only on the spec's content.
/// </summary>
internal static class ApiModelBuilder
{
    public static ApiModel Build(
        OpenApiDocument document, OpenApiSpecVersion version, string content, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var dropped = DroppedKeywordFinder.Find(content, version == OpenApiSpecVersion.OpenApi3_0, cancellationToken);
        var types = new TypeRegistry(diagnostics);
        var translator = new SchemaTranslator(
            document.Components?.Schemas, types, diagnostics, dropped, new DeepReferenceResolver(document, types), cancellationToken);
        var objects = new ObjectBuilder(translator);
        var componentKeys = translator.ComponentKeys.OrderBy(key => key, StringComparer.Ordinal).ToList();
        types.ReserveComponentNames(componentKeys);
        foreach (var key in componentKeys)
        {
            translator.ResolveComponent(key);
        }

        objects.BuildPending();

        var security = new SecurityTranslator(diagnostics);
        var schemes = security.Schemes(document);
        var operations = new OperationTranslator(translator, new AllOfMerger(translator), security).Translate(document);
        var webhooks = new WebhookTranslator(translator).Translate(document);
        objects.BuildPending();

        new UnionFinalizer(types).FinalizeAll();
        operations = PaginationDetector.Apply(operations, types.Types, diagnostics);

        return new ApiModel(
            document.Info?.Title ?? string.Empty,
            document.Info?.Description,
            document.Info?.Version ?? string.Empty,
            ServerUrl(document),
            security.DefaultSecurity(document),
            types.Types.OrderBy(type => type.Name, StringComparer.Ordinal).ToEquatableArray(),
            operations.ToEquatableArray(),
            schemes,
            webhooks);
    }

    private static string? ServerUrl(OpenApiDocument document)
    {
        if (document.Servers is not { Count: > 0 } servers || servers[0]?.Url is not { } url)
        {
            return null;
        }

        if (servers[0].Variables is { } variables)
        {
            foreach (var variable in variables)
            {
                if (variable.Value?.Default is { } value)
                {
                    url = url.Replace("{" + variable.Key + "}", value);
                }
            }
        }

        return url;
    }
}
