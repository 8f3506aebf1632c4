using System;
using System.Collections.Generic;
using System.Linq;

namespace Tether.Generator.Targets;

/// <summary>
/// Matches the path written in <c>[GenerateClient("...")]</c> against AdditionalFiles paths. MSBuild hands the
/// generator absolute paths; users write paths relative to the project with either slash, so a match is a
/// whole-segment suffix match on normalized paths.
/// </summary>
internal static class SpecPathMatcher
{
    public static string Normalize(string path)
    {
        var normalized = path.Replace('\\', '/').Trim();
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized.Substring(2);
        }

        return normalized;
    }

    public static bool Matches(string additionalFilePath, string requestedPath)
    {
        var file = Normalize(additionalFilePath);
        var requested = Normalize(requestedPath);
        if (requested.Length == 0)
        {
            return false;
        }

        if (string.Equals(file, requested, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return file.Length > requested.Length
            && file.EndsWith(requested, StringComparison.OrdinalIgnoreCase)
            && file[file.Length - requested.Length - 1] == '/';
    }

    public static bool MatchesAny(string additionalFilePath, IEnumerable<string> requestedPaths)
    {
        foreach (var requested in requestedPaths)
        {
            if (Matches(additionalFilePath, requested))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The AdditionalFiles paths matching <paramref name="requestedPath"/>, and the one used: the shortest, which is
    /// the one nearest the project root and so what a relative path most likely means (null when none matches).
    /// </summary>
    public static (string? Chosen, IReadOnlyList<string> Matches) Choose(string requestedPath, IEnumerable<string> additionalFilePaths)
    {
        var matches = additionalFilePaths.Where(path => Matches(path, requestedPath)).ToList();
        var chosen = matches.OrderBy(path => path.Length).ThenBy(path => path, StringComparer.Ordinal).FirstOrDefault();
        return (chosen, matches);
    }
}
