using System.Collections.Generic;
using System.Linq;
using Tether.Generator.Diagnostics;
using Tether.Generator.Model;

namespace Tether.Generator.Targets;

/// <summary>
/// Decides which Microsoft.Extensions.AI adapters a client gets. Each calls one OpenAI operation by its operationId
/// and needs it in the shape the adapter reads and writes (JSON object in, JSON object out, and for chat a streamed
/// form); a spec without it, or a selection that leaves it out, gets a TETHER020 info saying why instead.
/// </summary>
internal static class AIAdapterSelector
{
    public const string ChatOperationId = "createChatCompletion";
    public const string EmbeddingsOperationId = "createEmbedding";

    public static AIAdapterPlan Select(ApiModel model, ClientTarget target, List<DiagnosticInfo> diagnostics)
    {
        var chat = Check(model, ChatOperationId, needsStreaming: true, "AsIChatClient (IChatClient)", target, diagnostics);
        var embeddings = Check(model, EmbeddingsOperationId, needsStreaming: false, "AsIEmbeddingGenerator (IEmbeddingGenerator)", target, diagnostics);
        return new AIAdapterPlan(chat, embeddings);
    }

    private static string? Check(ApiModel model, string operationId, bool needsStreaming, string adapter, ClientTarget target, List<DiagnosticInfo> diagnostics)
    {
        var operation = model.Operations.FirstOrDefault(op => op.OperationId == operationId);
        var reason = operation switch
        {
            null => $"the client has no '{operationId}' operation (not in the spec, or not selected by Tags/Operations)",
            { Body: not { Kind: BodyKind.Json, Type.NamedKind: NamedTypeKind.Object } } => $"'{operationId}' does not take a JSON object body",
            { Response: not { Kind: ResponseKind.Json, Type.NamedKind: NamedTypeKind.Object } } => $"'{operationId}' does not return a JSON object",
            { Streaming: null } when needsStreaming => $"'{operationId}' has no text/event-stream response to stream from",
            { Streaming.EventType.NamedKind: not NamedTypeKind.Object } when needsStreaming => $"'{operationId}' streams events that are not JSON objects",
            _ => null,
        };

        if (reason is null)
        {
            return operationId;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoAIAdapter, target.AttributeLocation, adapter, target.ClassName, reason));
        return null;
    }
}
