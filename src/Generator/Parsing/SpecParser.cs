using System.Threading;
using Microsoft.CodeAnalysis.Text;
using Tether.Generator.Model;

namespace Tether.Generator.Parsing;

/// <summary>Spec text → <see cref="ParsedSpec"/>. Never throws except on cancellation: every problem is a diagnostic.</summary>
internal static class SpecParser
{
    // CONTRACT STUB: replaced by the real parser.
    public static ParsedSpec Parse(string path, SourceText text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ParsedSpec(path, null, EquatableArray<DiagnosticInfo>.Empty);
    }
}
