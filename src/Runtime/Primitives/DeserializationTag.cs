using System.ComponentModel;

namespace Tether.Primitives;

/// <summary>
/// Selects the constructor of a generated class that its converter creates it with: that constructor sets no
/// defaults, so a member absent from the JSON stays absent when the object is written back.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct DeserializationTag
{
}
