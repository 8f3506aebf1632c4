using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Tether.Generator.Model;

namespace Tether.Generator.Targets;

/// <summary>
/// The distinct parses the targets need: one per (spec, overlays) combination, so a spec that two clients use alike
/// is parsed once and one used with different overlays once per combination.
/// </summary>
internal static class SpecInputs
{
    public static ImmutableArray<SpecInput> Build(EquatableArray<DocumentRequest> requests, ImmutableArray<AdditionalDocument> documents)
    {
        var byPath = new Dictionary<string, AdditionalDocument>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            byPath[document.Path] = document;
        }

        var paths = byPath.Keys.ToList();
        var inputs = new List<SpecInput>();
        var seen = new HashSet<(string, EquatableArray<string>)>();
        foreach (var request in requests)
        {
            var resolved = ResolvedDocuments.Resolve(request, paths);
            if (resolved.SpecPath is { } specPath && seen.Add((specPath, resolved.OverlayPaths)))
            {
                inputs.Add(new SpecInput(byPath[specPath], resolved.OverlayPaths.Select(path => byPath[path]).ToEquatableArray()));
            }
        }

        return inputs.ToImmutableArray();
    }
}
