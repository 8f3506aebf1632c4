using System.ComponentModel;
using System.Text.Json;

namespace Tether.Primitives;

/// <summary>
/// The codec of a list or map, which can also decline: a collection with an item of another kind than declared is
/// kept raw as a whole by the object that holds it, so reading it must be able to say "does not fit" and rewind.
/// </summary>
/// <typeparam name="T">The collection type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IJsonCollectionCodec<T> : IJsonCodec<T>
    where T : class
{
    /// <summary>The collection, or null with the reader back on its first token when an item does not fit.</summary>
    static abstract T? ReadOrNull(ref Utf8JsonReader reader);
}
