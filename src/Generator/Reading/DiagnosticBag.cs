using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Tether.Generator.Model;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading;

/// <summary>
/// Collects the problems found while reading a spec. Places are recorded as JSON pointers and turned into line
/// and column only at the end, in one pass over the text, so a clean spec never pays for locating anything.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<Entry> _entries = new();

    public DiagnosticBag(string specPath) => SpecPath = specPath;

    /// <summary>The spec's path, the first argument of most messages.</summary>
    public string SpecPath { get; }
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>Reports at a JSON pointer in the spec (null: the file as a whole).</summary>
    public void Add(DiagnosticDescriptor descriptor, string? pointer, params string[] args)
    {
        if (_seen.Add(descriptor.Id + "\u0001" + pointer + "\u0001" + string.Join("\u0001", args)))
        {
            _entries.Add(new Entry(descriptor, pointer, null, args));
        }
    }

    /// <summary>Reports at a location already known (syntax errors).</summary>
    public void AddAt(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args)
        => _entries.Add(new Entry(descriptor, null, location, args));

    public ImmutableArray<DiagnosticInfo> ToDiagnostics(SpecLocator locator, CancellationToken cancellationToken)
    {
        var pointers = new List<string>();
        foreach (var entry in _entries)
        {
            if (entry.Location is null && entry.Pointer is not null)
            {
                pointers.Add(entry.Pointer);
            }
        }

        var locations = pointers.Count == 0
            ? new Dictionary<string, LocationInfo?>()
            : locator.Locate(pointers, cancellationToken);
        var builder = ImmutableArray.CreateBuilder<DiagnosticInfo>(_entries.Count);
        foreach (var entry in _entries)
        {
            var location = entry.Location;
            if (location is null)
            {
                location = entry.Pointer is not null && locations.TryGetValue(entry.Pointer, out var found) && found is not null
                    ? found
                    : locator.Start;
            }

            builder.Add(DiagnosticInfo.Create(entry.Descriptor, location, entry.Args));
        }

        return builder.MoveToImmutable();
    }

    private sealed record Entry(DiagnosticDescriptor Descriptor, string? Pointer, LocationInfo? Location, string[] Args);
}
