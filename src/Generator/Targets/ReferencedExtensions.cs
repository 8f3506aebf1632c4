using Microsoft.CodeAnalysis;
using Tether.Generator.Emitting;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Targets;

/// <summary>Which of Tether's optional packages the project references: each adds generated members.</summary>
/// <param name="Http">Tether.Extensions.Http: <c>services.Add{Client}(configuration)</c>.</param>
/// <param name="AI">Tether.Extensions.AI: <c>AsIChatClient</c> and <c>AsIEmbeddingGenerator</c>.</param>
internal sealed record ReferencedExtensions(bool Http, bool AI)
{
    public static ReferencedExtensions In(Compilation compilation) => new(
        compilation.GetTypeByMetadataName(ServiceRegistrationEmitter.ExtensionsMarkerType) is not null,
        compilation.GetTypeByMetadataName(AIAdapterEmitter.ChatClientMetadataName) is not null);
}
