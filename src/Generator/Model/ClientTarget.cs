namespace Tether.Generator.Model;

/// <summary>A <c>[GenerateClient]</c> class: where the client goes and which spec it wants.</summary>
/// <param name="Namespace">The class's namespace, or empty for the global namespace.</param>
/// <param name="Accessibility">"public" or "internal", copied from the partial class.</param>
/// <param name="IsValid">False when the class cannot be generated into (not partial, nested, generic); see diagnostics.</param>
internal sealed record ClientTarget(
    string Namespace,
    string ClassName,
    string Accessibility,
    string SpecPath,
    LocationInfo? AttributeLocation,
    bool IsValid,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The emitter's input for one client: the target class and the model of its spec.</summary>
internal sealed record ClientSpec(ClientTarget Target, ApiModel Model);
