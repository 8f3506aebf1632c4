using Tether.Generator.Model;

namespace Tether.EndToEnd.Tests.Conformance;

/// <summary>
/// The generated type an example is tested with, and where inside a value of that type the example sits: an
/// example written on a property, an array's items or a union member is placed at that position (wrapped in
/// <c>{"property": …}</c> / <c>[…]</c>) inside a value of the nearest enclosing generated type, so that it goes
/// through exactly the converter code a real payload would.
/// </summary>
/// <param name="Path">Member names (string) and array indices (int) from the root value down to the example; empty when the example is the root value.</param>
/// <param name="Via">How the type was found, for the report.</param>
internal sealed record ExampleTarget(TypeRef Type, IReadOnlyList<object> Path, string Via)
{
    public string PathText => "$" + string.Concat(Path.Select(step => step is int index ? $"[{index}]" : "." + step));
}
