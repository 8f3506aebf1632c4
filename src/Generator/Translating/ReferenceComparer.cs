using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Tether.Generator.Reading;

namespace Tether.Generator.Translating;

/// <summary>Identity comparison (netstandard2.0 has no ReferenceEqualityComparer): a schema object is its own key.</summary>
internal sealed class ReferenceComparer : IEqualityComparer<object>
{
    public static readonly ReferenceComparer Instance = new();

    public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

    public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
}
