namespace Tether.Generator.Model;

/// <summary>What one parse reads: a spec and the overlays applied to it, in order. Parsed once per distinct input.</summary>
internal sealed record SpecInput(AdditionalDocument Spec, EquatableArray<AdditionalDocument> Overlays);
