using System.Collections.Generic;
using Tether.Generator.Model;

namespace Tether.Generator.Targets;

/// <summary>
/// The AdditionalFiles a <see cref="DocumentRequest"/> names. Both the parse step (which texts to read together)
/// and <see cref="ClientSpecResolver"/> (which parse result is a client's) work from this, so they agree on the files.
/// </summary>
internal sealed class ResolvedDocuments
{
    private ResolvedDocuments(string? specPath, IReadOnlyList<string> specMatches, EquatableArray<string> overlayPaths, IReadOnlyList<(string Requested, IReadOnlyList<string> Matches, string? Chosen)> overlays)
    {
        SpecPath = specPath;
        SpecMatches = specMatches;
        OverlayPaths = overlayPaths;
        Overlays = overlays;
    }

    /// <summary>The spec's AdditionalFiles path; null when no file matches.</summary>
    public string? SpecPath { get; }

    /// <summary>Every file the spec path matches (more than one: TETHER012).</summary>
    public IReadOnlyList<string> SpecMatches { get; }

    /// <summary>The overlays found, in the order the attribute gives them; a missing one is left out (TETHER016).</summary>
    public EquatableArray<string> OverlayPaths { get; }

    /// <summary>Each overlay as written, with the files it matches and the one used (null: none).</summary>
    public IReadOnlyList<(string Requested, IReadOnlyList<string> Matches, string? Chosen)> Overlays { get; }

    public static ResolvedDocuments Resolve(DocumentRequest request, IReadOnlyList<string> additionalFilePaths)
    {
        var (specPath, specMatches) = SpecPathMatcher.Choose(request.SpecPath, additionalFilePaths);
        var overlays = new List<(string, IReadOnlyList<string>, string?)>();
        var found = new List<string>();
        foreach (var requested in request.Overlays)
        {
            var (chosen, matches) = SpecPathMatcher.Choose(requested, additionalFilePaths);
            overlays.Add((requested, matches, chosen));
            if (chosen is not null)
            {
                found.Add(chosen);
            }
        }

        return new ResolvedDocuments(specPath, specMatches, found.ToEquatableArray(), overlays);
    }
}
