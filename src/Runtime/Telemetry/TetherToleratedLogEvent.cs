using System.Collections.Generic;

namespace Tether;

/// <summary>
/// A response was read tolerantly: some members did not fit the spec and were kept raw; see
/// <see cref="ITetherLogger.LogTolerated"/>.
/// </summary>
public sealed class TetherToleratedLogEvent : TetherLogEvent
{
    /// <summary>Describes a tolerantly read response.</summary>
    /// <param name="operationName">The spec's <c>operationId</c>, or <see langword="null"/>.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="url">The URL without query string, user info or credential.</param>
    /// <param name="count">How many members were tolerated, nested objects included.</param>
    /// <param name="members">Their distinct JSON names (the first few).</param>
    public TetherToleratedLogEvent(string? operationName, string method, string url, int count, IReadOnlyList<string> members)
        : base(operationName, method, url)
    {
        Count = count;
        Members = members;
    }

    /// <summary>How many members were tolerated (wrong kind, disallowed null, missing required), nested objects included.</summary>
    public int Count { get; }

    /// <summary>The distinct JSON names of the tolerated members, the first eight at most.</summary>
    public IReadOnlyList<string> Members { get; }
}
