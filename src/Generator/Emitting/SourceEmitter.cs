using System.Collections.Generic;
using System.Threading;
using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting;

/// <summary>
/// <see cref="ClientSpec"/> → C# source files. Sees only the equatable model, never Roslyn or OpenAPI.NET objects.
/// Each part of the output has its own emitter; this class only orders them (the operations emitter goes beside the
/// model emitters, sharing the <see cref="EmitContext"/>). Every number is formatted with the invariant culture.
/// </summary>
internal static class SourceEmitter
{
    public static IReadOnlyList<GeneratedFile> Emit(ClientSpec spec, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var context = new EmitContext(spec);
        var files = new List<GeneratedFile>();
        // The client goes first: it may register collection helpers that the model files write out.
        ClientEmitter.Emit(context, files, cancellationToken);
        ModelFilesEmitter.Emit(context, files, cancellationToken);
        files.Add(ClientJsonOptionsEmitter.Emit(context));
        return files;
    }
}
