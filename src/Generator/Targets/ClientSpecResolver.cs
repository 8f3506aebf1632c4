using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Tether.Generator.Diagnostics;
using Tether.Generator.Model;

namespace Tether.Generator.Targets;

/// <summary>A target joined with its spec: the emitter's input, or the reasons there is none.</summary>
internal sealed record ResolvedClient(ClientSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Finds the parsed spec (with the overlays applied) a <c>[GenerateClient]</c> class asks for.</summary>
internal static class ClientSpecResolver
{
    public static ResolvedClient Resolve(ClientTarget target, ImmutableArray<ParsedSpec> specs, EquatableArray<string> additionalFilePaths, ReferencedExtensions extensions)
    {
        var diagnostics = new List<DiagnosticInfo>(target.Diagnostics);
        var documents = ResolvedDocuments.Resolve(target.Documents, additionalFilePaths);
        if (documents.SpecPath is not { } specPath)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SpecNotFound, target.AttributeLocation, target.SpecPath));
            return new ResolvedClient(null, diagnostics.ToEquatableArray());
        }

        ReportAmbiguous(target, target.SpecPath, documents.SpecMatches, specPath, diagnostics);
        foreach (var (requested, matches, chosen) in documents.Overlays)
        {
            if (chosen is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OverlayNotFound, target.AttributeLocation, requested));
            }
            else
            {
                ReportAmbiguous(target, requested, matches, chosen, diagnostics);
            }
        }

        var parsed = specs.FirstOrDefault(spec => spec.Path == specPath && spec.OverlayPaths.Equals(documents.OverlayPaths));
        if (!target.IsValid || parsed?.Model is null)
        {
            return new ResolvedClient(null, diagnostics.ToEquatableArray());
        }

        var model = OperationSelector.Apply(parsed.Model, target, parsed.Path, diagnostics);
        var adapters = extensions.AI ? AIAdapterSelector.Select(model, target, diagnostics) : null;
        return new ResolvedClient(new ClientSpec(target, model, extensions.Http, adapters), diagnostics.ToEquatableArray());
    }

    private static void ReportAmbiguous(ClientTarget target, string requested, IReadOnlyList<string> matches, string chosen, List<DiagnosticInfo> diagnostics)
    {
        if (matches.Count > 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.AmbiguousSpecPath,
                target.AttributeLocation,
                requested,
                string.Join(", ", matches),
                chosen));
        }
    }
}
