using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using Tether.Generator.Diagnostics;
using Tether.Generator.Reading.JsonPath;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.Overlays;

/// <summary>
/// Applies an overlay's actions, in order, to a spec's JSON tree before OpenAPI.NET reads it: each action works on
/// the result of the one before (so a node can be removed and then written anew). Problems go to the overlay's
/// diagnostics, located in the overlay file.
/// </summary>
internal static class OverlayApplier
{
    public static void Apply(JsonNode root, Overlay overlay, string specPath, CancellationToken cancellationToken)
    {
        foreach (var action in overlay.Actions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IReadOnlyList<JsonPathNode> selected;
            try
            {
                selected = action.Query.Select(new JsonPathContext(root, cancellationToken));
            }
            catch (JsonPathTooCostlyException exception)
            {
                overlay.Diagnostics.Add(DiagnosticDescriptors.OverlayTargetInvalid, action.TargetPointer, overlay.Path, action.Target, action.Number, exception.Message);
                continue;
            }

            if (selected.Count == 0)
            {
                overlay.Diagnostics.Add(DiagnosticDescriptors.OverlayTargetMatchesNothing, action.TargetPointer, overlay.Path, action.Target, action.Number, specPath);
            }
            else if (action.Remove)
            {
                Remove(selected, action, overlay);
            }
            else
            {
                Update(selected, action, overlay);
            }
        }
    }

    private static void Update(IReadOnlyList<JsonPathNode> selected, OverlayAction action, Overlay overlay)
    {
        var conflicts = new List<OverlayMerge.Conflict>();
        foreach (var node in selected)
        {
            OverlayMerge.Apply(node, action.Update, action.UpdatePointer, conflicts);
        }

        foreach (var conflict in conflicts)
        {
            overlay.Diagnostics.Add(
                DiagnosticDescriptors.OverlayInvalid,
                conflict.UpdatePointer,
                overlay.Path,
                "action " + action.Number + " cannot update '" + conflict.SpecPointer + "': " + conflict.Reason);
        }
    }

    private static void Remove(IReadOnlyList<JsonPathNode> selected, OverlayAction action, Overlay overlay)
    {
        // Array elements go last first, so the positions the query found stay right while others are taken out.
        var elements = new Dictionary<JsonArray, SortedSet<int>>();
        foreach (var node in selected)
        {
            switch (node.Parent)
            {
                case null:
                    overlay.Diagnostics.Add(DiagnosticDescriptors.OverlayInvalid, action.TargetPointer, overlay.Path, "action " + action.Number + " removes the whole document ('$')");
                    break;
                case JsonObject parent:
                    parent.Remove(node.Name!);
                    break;
                case JsonArray parent:
                    if (!elements.TryGetValue(parent, out var indexes))
                    {
                        elements[parent] = indexes = new SortedSet<int>();
                    }

                    indexes.Add(node.Index);
                    break;
            }
        }

        foreach (var pair in elements)
        {
            foreach (var index in pair.Value.Reverse())
            {
                pair.Key.RemoveAt(index);
            }
        }
    }
}
