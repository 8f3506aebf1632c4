using System;
using System.Globalization;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.JsonPath;

/// <summary>A query visited more nodes than <see cref="JsonPathContext"/> allows; the caller reports it and goes on.</summary>
internal sealed class JsonPathTooCostlyException(long budget)
    : Exception("the query visits more than " + budget.ToString("N0", CultureInfo.InvariantCulture) + " nodes (a filter querying the whole document for every node?)")
{
}
