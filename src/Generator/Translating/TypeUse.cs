using System.Collections.Generic;
using Tether.Generator.Model;
using Tether.Generator.Reading;

namespace Tether.Generator.Translating;

/// <summary>
/// What one use of a schema means: the C# type, whether JSON null is allowed there, and — for string schemas with
/// a fixed set of values — those values (a const property's default, a union variant's distinguishing values).
/// </summary>
/// <param name="ClosedValues">The only string values allowed (single-value enum, const, closed enum); null when any string is accepted or the type is not a string.</param>
internal sealed record TypeUse(TypeRef Type, bool Nullable, IReadOnlyList<string>? ClosedValues = null)
{
    public static readonly TypeUse Any = new(TypeRef.Any, false);

    /// <summary>The single allowed string value, used as a property's default.</summary>
    public string? ConstValue => ClosedValues is { Count: 1 } values ? values[0] : null;

    public TypeUse OrNullable(bool nullable) => nullable && !Nullable ? this with { Nullable = true } : this;
}
