using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Tether.Generator.Diagnostics;
using Tether.Generator.Model;

namespace Tether.Generator.Targets;

/// <summary>A target joined with its spec: the emitter's input, or the reasons there is none.</summary>
internal sealed record ResolvedClient(ClientSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Finds the parsed spec a <c>[GenerateClient]</c> class asks for.</summary>
internal static class ClientSpecResolver
{
    public static ResolvedClient Resolve(ClientTarget target, ImmutableArray<ParsedSpec> specs, ReferencedExtensions extensions)
    {
        var diagnostics = new List<DiagnosticInfo>(target.Diagnostics);
        var matches = specs.Where(spec => SpecPathMatcher.Matches(spec.Path, target.SpecPath)).ToList();
        if (matches.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SpecNotFound, target.AttributeLocation, target.SpecPath));
            return new ResolvedClient(null, diagnostics.ToEquatableArray());
        }

        // The shortest path is the one nearest the project root, which is what a relative path most likely means.
        var chosen = matches.OrderBy(spec => spec.Path.Length).ThenBy(spec => spec.Path, System.StringComparer.Ordinal).First();
        if (matches.Count > 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.AmbiguousSpecPath,
                target.AttributeLocation,
                target.SpecPath,
                string.Join(", ", matches.Select(m => m.Path)),
                chosen.Path));
        }

        if (!target.IsValid || chosen.Model is null)
        {
            return new ResolvedClient(null, diagnostics.ToEquatableArray());
        }

        var model = OperationSelector.Apply(chosen.Model, target, chosen.Path, diagnostics);
        var adapters = extensions.AI ? AIAdapterSelector.Select(model, target, diagnostics) : null;
        return new ResolvedClient(new ClientSpec(target, model, extensions.Http, adapters), diagnostics.ToEquatableArray());
    }
}
