namespace Tether.Generator.Model;

/// <summary>A <c>[GenerateClient]</c> class: where the client goes and which spec it wants.</summary>
/// <param name="Namespace">The class's namespace, or empty for the global namespace.</param>
/// <param name="Accessibility">"public" or "internal", copied from the partial class.</param>
/// <param name="IsValid">False when the class cannot be generated into (not partial, nested, generic); see diagnostics.</param>
/// <param name="Selection">Which operations to generate (<c>Tags</c>/<c>Operations</c> of the attribute).</param>
/// <param name="IsSealed">The user declared the class <c>sealed</c>: its generated members are then not <c>virtual</c>.</param>
/// <param name="Overlays">The overlay paths of the attribute (<c>Overlays</c>), applied to the spec in this order.</param>
internal sealed record ClientTarget(
    string Namespace,
    string ClassName,
    string Accessibility,
    string SpecPath,
    LocationInfo? AttributeLocation,
    bool IsValid,
    EquatableArray<DiagnosticInfo> Diagnostics,
    ClientSelection Selection,
    bool IsSealed = false,
    EquatableArray<string> Overlays = default)
{
    /// <summary>The files this client is generated from, as written in the attribute.</summary>
    public DocumentRequest Documents => new(SpecPath, Overlays);
}

/// <summary>A spec path and overlay paths as a <c>[GenerateClient]</c> writes them, before they are matched to AdditionalFiles.</summary>
internal sealed record DocumentRequest(string SpecPath, EquatableArray<string> Overlays);

/// <summary>The operations a client asks for: by tag, by operationId, or (both empty) all of them.</summary>
internal sealed record ClientSelection(EquatableArray<string> Tags, EquatableArray<string> Operations)
{
    public static readonly ClientSelection Everything = new(EquatableArray<string>.Empty, EquatableArray<string>.Empty);

    public bool IsEverything => Tags.Count == 0 && Operations.Count == 0;
}

/// <summary>The emitter's input for one client: the target class and the model of its spec.</summary>
/// <param name="RegistersServices">The project references Tether.Extensions.Http: emit <c>services.Add{Client}(…)</c>.</param>
/// <param name="AIAdapters">The Microsoft.Extensions.AI adapters to emit (the project references Tether.Extensions.AI).</param>
internal sealed record ClientSpec(ClientTarget Target, ApiModel Model, bool RegistersServices = false, AIAdapterPlan? AIAdapters = null);
