using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Tether.Generator.Model;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.Overlays;

/// <summary>
/// An overlay file, read: its valid actions in order, and its problems — found reading it or applying it — which
/// are located in the overlay's own text.
/// </summary>
internal sealed class Overlay(string path, IReadOnlyList<OverlayAction> actions, DiagnosticBag diagnostics, SpecLocator locator)
{
    public string Path { get; } = path;

    public IReadOnlyList<OverlayAction> Actions { get; } = actions;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public ImmutableArray<DiagnosticInfo> ToDiagnostics(CancellationToken cancellationToken) => Diagnostics.ToDiagnostics(locator, cancellationToken);
}
