namespace Tether.Generator.Model;

/// <summary>
/// The Microsoft.Extensions.AI adapters a client gets: the operationIds they call, each null when the spec lacks it
/// (or lacks a shape the adapter needs; a TETHER020 info says which).
/// </summary>
internal sealed record AIAdapterPlan(string? ChatOperationId, string? EmbeddingsOperationId)
{
    public bool IsEmpty => ChatOperationId is null && EmbeddingsOperationId is null;
}
