using System.Text.Json.Nodes;
using System.Threading;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading.JsonPath;

/// <summary>
/// One evaluation of a query: the document's root (for <c>$</c> inside filters) and a budget of node visits.
/// Filters that query the whole document for every node (<c>$..[?$..x]</c>) are quadratic; the budget stops them
/// with <see cref="JsonPathTooCostlyException"/> instead of stalling the build.
/// </summary>
internal sealed class JsonPathContext(JsonNode? root, CancellationToken cancellationToken, long budget = JsonPathContext.DefaultBudget)
{
    /// <summary>Far above what any target needs on the 3 MB official spec (<c>$..*</c> there is about a million visits).</summary>
    public const long DefaultBudget = 50_000_000;

    private const int CancellationCheckInterval = 4096;

    private readonly long _budget = budget;
    private long _left = budget;

    public JsonNode? Root { get; } = root;

    public void Visit()
    {
        _left--;
        if (_left % CancellationCheckInterval == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (_left < 0)
        {
            throw new JsonPathTooCostlyException(_budget);
        }
    }
}
