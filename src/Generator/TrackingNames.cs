namespace Tether.Generator;

/// <summary>Names of the pipeline steps, so tests can prove which steps were cached.</summary>
public static class TrackingNames
{
    public const string Targets = nameof(Targets);
    public const string RequestedSpecPaths = nameof(RequestedSpecPaths);
    public const string ParsedSpecs = nameof(ParsedSpecs);
    public const string ClientSpecs = nameof(ClientSpecs);
    public const string ReferencedExtensions = nameof(ReferencedExtensions);
}
