namespace Tether;

/// <summary>How a JSON member disagreed with the type the spec declares for it; see <see cref="TetherMismatch"/>.</summary>
public enum TetherMismatchKind
{
    /// <summary>
    /// The value's JSON kind (string, number, boolean, object, array) is not the declared one, or an item of a
    /// declared list or map is not: the property is left unset and the raw value kept in <c>AdditionalProperties</c>.
    /// </summary>
    WrongKind,

    /// <summary>JSON <c>null</c> where the spec does not allow it: the property is left unset, the null kept in <c>AdditionalProperties</c>.</summary>
    Null,

    /// <summary>A required property was absent: the property is unset (null or default) and nothing is kept.</summary>
    Missing,
}
