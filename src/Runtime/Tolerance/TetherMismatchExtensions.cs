using System;
using System.Collections.Generic;
using System.Text.Json;
using Tether.Primitives;

namespace Tether;

/// <summary>Tells what of a generated object was read tolerantly because the server and the spec disagreed.</summary>
public static class TetherMismatchExtensions
{
    /// <summary>
    /// The members of the object owning <paramref name="additionalProperties"/> that did not fit their declared
    /// types, in the order read: <c>embedding.AdditionalProperties.GetMismatches()</c>. Empty for an object that was
    /// read as declared (or built in code). Covers this object only: nested objects have their own.
    /// </summary>
    /// <param name="additionalProperties">A generated object's <c>AdditionalProperties</c>.</param>
    /// <returns>The mismatches; the raw value of a <see cref="TetherMismatchKind.WrongKind"/> one is <c>additionalProperties[mismatch.Name]</c>.</returns>
    public static IReadOnlyList<TetherMismatch> GetMismatches(this IDictionary<string, JsonElement> additionalProperties)
    {
        ArgumentNullException.ThrowIfNull(additionalProperties);
        return additionalProperties is TolerantMembers tolerant ? tolerant.Mismatches : Array.Empty<TetherMismatch>();
    }
}
