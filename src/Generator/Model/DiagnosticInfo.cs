using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Tether.Generator.Model;

/// <summary>
/// Where a problem is: a file path and a line span, kept as plain values because a Roslyn <see cref="Location"/>
/// must never sit in a cached pipeline model.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }
}

/// <summary>A diagnostic as an equatable value: the descriptor's id, its message arguments and where.</summary>
internal sealed record DiagnosticInfo(string DescriptorId, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs)
        => new(descriptor.Id, location, messageArgs.ToEquatableArray());
}
