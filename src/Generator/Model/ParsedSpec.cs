namespace Tether.Generator.Model;

/// <summary>The result of reading one spec file: the model (null when the file could not be read) and its problems.</summary>
/// <param name="Path">The AdditionalFiles path, normalized to forward slashes.</param>
/// <param name="OverlayPaths">The AdditionalFiles paths of the overlays applied, in order (normalized like <paramref name="Path"/>).</param>
internal sealed record ParsedSpec(string Path, ApiModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<string> OverlayPaths = default);
