using System.Globalization;
using System.Text.Json.Nodes;
using Tether.Generator.Reading.JsonPath;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.Overlays;

/// <summary>One action of an overlay, read and checked: the nodes it selects and what it does to them.</summary>
/// <param name="Index">Its zero-based position in <c>actions</c>.</param>
/// <param name="Target">The JSONPath as written.</param>
/// <param name="Update">The value merged into each selected node; unused when <paramref name="Remove"/>.</param>
/// <param name="Remove">Take each selected node out of its parent.</param>
internal sealed record OverlayAction(int Index, string Target, JsonPathQuery Query, JsonNode? Update, bool Remove)
{
    public string Number => NumberOf(Index);

    public string Pointer => PointerOf(Index);

    public string TargetPointer => JsonPointer.Append(Pointer, "target");

    public string UpdatePointer => JsonPointer.Append(Pointer, "update");

    /// <summary>An action's number as people count list items, for messages.</summary>
    public static string NumberOf(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>An action in its overlay file, as a JSON pointer: where its problems are reported.</summary>
    public static string PointerOf(int index) => JsonPointer.Append(JsonPointer.Append(JsonPointer.Root, "actions"), index);
}
