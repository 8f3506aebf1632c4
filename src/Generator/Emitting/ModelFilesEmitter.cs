using System.Collections.Generic;
using System.Threading;
using Tether.Generator.Model;

namespace Tether.Generator.Emitting;

/// <summary>
/// The model types and their JSON code, grouped into a few large files (the full OpenAI spec has 1,400+ types; one
/// AddSource per type would cost more than the text itself): classes, enums, unions, their converters, and one file
/// with the shared helpers and the resolver.
/// </summary>
internal static class ModelFilesEmitter
{
    private const int CancellationCheckInterval = 64;

    public static void Emit(EmitContext context, List<GeneratedFile> files, CancellationToken cancellationToken)
    {
        var objects = new List<ObjectPlan>();
        var enums = new List<EnumTypeModel>();
        var unions = new List<UnionPlan>();
        var typeNames = new List<string>();
        foreach (var type in context.Model.Types)
        {
            switch (type)
            {
                case ObjectTypeModel objectType:
                    objects.Add(new ObjectPlan(objectType, context));
                    break;
                case EnumTypeModel enumType:
                    enums.Add(enumType);
                    break;
                case UnionTypeModel unionType:
                    unions.Add(new UnionPlan(unionType, context));
                    break;
                default:
                    continue;
            }

            typeNames.Add(type.Name);
        }

        EmitGroup(files, context, ".Models.g.cs", EmitScope.Models, objects, (w, p) => ObjectEmitter.Emit(w, p, context), cancellationToken);
        EmitGroup(files, context, ".Enums.g.cs", EmitScope.Models, enums, (w, e) => EnumEmitter.Emit(w, e, context), cancellationToken);
        EmitGroup(files, context, ".Unions.g.cs", EmitScope.Models, unions, (w, p) => UnionEmitter.Emit(w, p, context), cancellationToken);
        EmitGroup(files, context, ".Json.Objects.g.cs", EmitScope.Json, objects, (w, p) => ObjectConverterEmitter.Emit(w, p, context), cancellationToken);
        EmitGroup(files, context, ".Json.Enums.g.cs", EmitScope.Json, enums, (w, e) => EnumConverterEmitter.Emit(w, e, context), cancellationToken);
        EmitGroup(files, context, ".Json.Unions.g.cs", EmitScope.Json, unions, (w, p) => UnionConverterEmitter.Emit(w, p, context), cancellationToken);

        // Last: the collection helpers were registered while the converters above were written.
        cancellationToken.ThrowIfCancellationRequested();
        var writer = new SourceWriter(64 * 1024);
        FileHeader.Write(writer, context, context.JsonNamespace, EmitScope.Json);
        JsonSupportEmitter.Emit(writer);
        writer.WriteLine();
        context.Collections.Emit(writer);
        writer.WriteLine();
        JsonResolverEmitter.Emit(writer, context, typeNames);
        files.Add(new GeneratedFile(context.HintNamePrefix + ".Json.g.cs", writer.ToString()));
    }

    private static void EmitGroup<T>(
        List<GeneratedFile> files,
        EmitContext context,
        string hintSuffix,
        EmitScope scope,
        List<T> items,
        System.Action<SourceWriter, T> emit,
        CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        var writer = new SourceWriter(items.Count * 2048);
        FileHeader.Write(writer, context, scope == EmitScope.Json ? context.JsonNamespace : context.ModelsNamespace, scope);
        for (var i = 0; i < items.Count; i++)
        {
            if (i % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (i > 0)
            {
                writer.WriteLine();
            }

            emit(writer, items[i]);
        }

        files.Add(new GeneratedFile(context.HintNamePrefix + hintSuffix, writer.ToString()));
    }
}
