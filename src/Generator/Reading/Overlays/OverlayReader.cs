using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using Tether.Generator.Diagnostics;
using Tether.Generator.Reading.JsonPath;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.Overlays;

/// <summary>
/// Overlay text (Overlay Specification 1.x, YAML or JSON) → <see cref="Overlay"/>. Never throws except on
/// cancellation: a document that is no overlay gives no actions and a TETHER017 at its start; an action that is
/// wrong is left out with a TETHER017 (or TETHER019 for its JSONPath) at its place in the file, and the others apply.
/// </summary>
internal static class OverlayReader
{
    // 1.0 and 1.1 agree on `update` and `remove`; 1.1 adds `copy`, which is reported per action.
    private static readonly Regex SupportedVersion = new(@"^1\.\d+(\.\d+)?$", RegexOptions.CultureInvariant);

    public static Overlay Read(string path, string? text, YamlRoute route, CancellationToken cancellationToken)
    {
        var content = text ?? string.Empty;
        var locator = new SpecLocator(path, SourceText.From(content), content);
        var diagnostics = new DiagnosticBag(path);
        var actions = new List<OverlayAction>();
        var overlay = new Overlay(path, actions, diagnostics, locator);
        if (text is null || content.Trim().Length == 0)
        {
            diagnostics.AddAt(DiagnosticDescriptors.OverlayInvalid, locator.Start, path, text is null ? "the file could not be read" : "the file is empty");
            return overlay;
        }

        try
        {
            // Inside the try: System.Text.Json fills objects in lazily, so a duplicate JSON key only throws when read.
            ReadActions(JsonTreeReader.Read(content, locator.IsJson, route, cancellationToken), path, diagnostics, locator, actions);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var (location, reason) = locator.DescribeUnreadable(exception.Message, cancellationToken);
            diagnostics.AddAt(DiagnosticDescriptors.OverlayInvalid, location, path, reason);
        }

        return overlay;
    }

    private static void ReadActions(JsonNode? root, string path, DiagnosticBag diagnostics, SpecLocator locator, List<OverlayAction> actions)
    {
        if (root is not JsonObject document)
        {
            diagnostics.AddAt(DiagnosticDescriptors.OverlayInvalid, locator.Start, path, "it is not a mapping; an overlay starts with 'overlay: 1.0.0'");
            return;
        }

        if (!HasSupportedVersion(document, path, diagnostics, locator))
        {
            return;
        }

        if (!document.TryGetPropertyValue("actions", out var list) || list is not JsonArray { Count: > 0 } items)
        {
            diagnostics.Add(
                DiagnosticDescriptors.OverlayInvalid,
                list is null ? null : "#/actions",
                path,
                list is null ? "it has no 'actions' list" : "its 'actions' must be a list of at least one action");
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (ReadAction(i, items[i], path, diagnostics) is { } action)
            {
                actions.Add(action);
            }
        }
    }

    private static bool HasSupportedVersion(JsonObject document, string path, DiagnosticBag diagnostics, SpecLocator locator)
    {
        if (!document.TryGetPropertyValue("overlay", out var version) || version is not JsonValue value)
        {
            diagnostics.AddAt(DiagnosticDescriptors.OverlayInvalid, locator.Start, path, "it has no 'overlay: 1.0.0' field, so it is no overlay document");
            return false;
        }

        // A YAML `overlay: 1.0` is a number; its text is what was meant.
        var text = value.TryGetValue<string>(out var written) ? written : value.ToJsonString();
        if (!SupportedVersion.IsMatch(text))
        {
            diagnostics.Add(DiagnosticDescriptors.OverlayInvalid, "#/overlay", path, "'overlay: " + text + "' is not a version Tether reads (1.x)");
            return false;
        }

        return true;
    }

    private static OverlayAction? ReadAction(int index, JsonNode? node, string path, DiagnosticBag diagnostics)
    {
        var pointer = OverlayAction.PointerOf(index);
        var number = OverlayAction.NumberOf(index);
        if (node is not JsonObject action)
        {
            diagnostics.Add(DiagnosticDescriptors.OverlayInvalid, pointer, path, "action " + number + " is not a mapping with 'target' and 'update' or 'remove'");
            return null;
        }

        if (!action.TryGetPropertyValue("target", out var targetNode) || targetNode is not JsonValue targetValue || !targetValue.TryGetValue<string>(out var target))
        {
            diagnostics.Add(DiagnosticDescriptors.OverlayInvalid, pointer, path, "action " + number + " has no 'target' (a JSONPath such as $.components.schemas.Pet)");
            return null;
        }

        if (action.ContainsKey("copy"))
        {
            diagnostics.Add(DiagnosticDescriptors.OverlayInvalid, JsonPointer.Append(pointer, "copy"), path, "action " + number + " uses 'copy' (Overlay 1.1), which Tether does not apply; write the value as an 'update'");
            return null;
        }

        var remove = false;
        if (action.TryGetPropertyValue("remove", out var removeNode) && !(removeNode is JsonValue removeValue && removeValue.TryGetValue(out remove)))
        {
            diagnostics.Add(DiagnosticDescriptors.OverlayInvalid, JsonPointer.Append(pointer, "remove"), path, "'remove' of action " + number + " must be true or false");
            return null;
        }

        var hasUpdate = action.TryGetPropertyValue("update", out var update);
        if (hasUpdate == remove)
        {
            diagnostics.Add(
                DiagnosticDescriptors.OverlayInvalid,
                pointer,
                path,
                remove
                    ? "action " + number + " has both 'update' and 'remove: true'; split it into two actions"
                    : "action " + number + " has neither 'update' nor 'remove: true'");
            return null;
        }

        var parsed = JsonPathParser.Parse(target);
        if (parsed.Query is null)
        {
            var reason = parsed.Error + " (at character " + (parsed.ErrorOffset + 1).ToString(CultureInfo.InvariantCulture) + ")";
            diagnostics.Add(DiagnosticDescriptors.OverlayTargetInvalid, JsonPointer.Append(pointer, "target"), path, target, number, reason);
            return null;
        }

        return new OverlayAction(index, target, parsed.Query, update, remove);
    }
}
