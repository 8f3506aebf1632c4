using System.Collections.Generic;
using System.Threading;
using Tether.Generator.Model;

namespace Tether.Generator.Emitting;

/// <summary><see cref="ClientSpec"/> → C# source files. Sees only the equatable model, never Roslyn or OpenAPI.NET objects.</summary>
internal static class SourceEmitter
{
    // CONTRACT STUB: replaced by the real emitter.
    public static IReadOnlyList<GeneratedFile> Emit(ClientSpec spec, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return [];
    }
}
