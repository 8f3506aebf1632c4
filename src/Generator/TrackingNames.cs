namespace Tether.Generator;

/// <summary>Names of the pipeline steps, so tests can prove which steps were cached.</summary>
public static class TrackingNames
{
    public const string Targets = nameof(Targets);

    /// <summary>The distinct (spec path, overlay paths) pairs the targets ask for.</summary>
    public const string RequestedDocuments = nameof(RequestedDocuments);

    /// <summary>The AdditionalFiles those pairs name, read to text.</summary>
    public const string AdditionalDocuments = nameof(AdditionalDocuments);

    /// <summary>One item per distinct (spec, overlays) combination: what one parse reads.</summary>
    public const string SpecInputs = nameof(SpecInputs);

    public const string ParsedSpecs = nameof(ParsedSpecs);
    public const string ClientSpecs = nameof(ClientSpecs);
    public const string ReferencedExtensions = nameof(ReferencedExtensions);
}
