using System;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.JsonPath;

/// <summary>Unwinds <see cref="JsonPathParser"/> to its entry point, which turns it into a <see cref="JsonPathParseResult"/>; never escapes the parser.</summary>
internal sealed class JsonPathSyntaxException(string message, int offset) : Exception(message)
{
    public int Offset { get; } = offset;
}
