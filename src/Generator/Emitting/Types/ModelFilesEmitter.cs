using System.Collections.Generic;
using System.Threading;
using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Types;

/// <summary>
/// The model types and their JSON code, grouped into a few large files (the full OpenAI spec has 1,400+ types; one
/// AddSource per type would cost more than the text itself): classes, their storage, enums, unions, their
/// converters, and the resolver. What every converter shares is the runtime's (<c>Tether.Primitives</c>).
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

        // Capacity estimates (characters per type and per member, measured on the OpenAI spec) spare the multi-megabyte
        // builders their repeated doubling and copying.
        EmitGroup(files, context, ".Models.g.cs", EmitScope.Models, objects, p => 500 + (500 * p.Properties.Count), (w, p) => ObjectEmitter.Emit(w, p, context), cancellationToken);
        EmitGroup(files, context, ".Models.Storage.g.cs", EmitScope.Models, objects, p => 300 + (100 * p.Properties.Count), (w, p) => ObjectEmitter.EmitStorage(w, p, context), cancellationToken, ObjectEmitter.StorageFileHeader);
        EmitGroup(files, context, ".Enums.g.cs", EmitScope.Models, enums, e => 2000 + (150 * e.Members.Count), (w, e) => EnumEmitter.Emit(w, e, context), cancellationToken);
        EmitGroup(files, context, ".Unions.g.cs", EmitScope.Models, unions, p => 2000 + (1000 * p.Variants.Count), (w, p) => UnionEmitter.Emit(w, p, context), cancellationToken);
        EmitGroup(files, context, ".Json.Objects.g.cs", EmitScope.Json, objects, p => 1500 + (900 * p.Properties.Count), (w, p) => ObjectConverterEmitter.Emit(w, p, context), cancellationToken);
        EmitGroup(files, context, ".Json.Enums.g.cs", EmitScope.Json, enums, e => 1500 + (300 * e.Members.Count), (w, e) => EnumConverterEmitter.Emit(w, e, context), cancellationToken);
        EmitGroup(files, context, ".Json.Unions.g.cs", EmitScope.Json, unions, p => 2500 + (800 * p.Variants.Count), (w, p) => UnionConverterEmitter.Emit(w, p, context), cancellationToken);

        cancellationToken.ThrowIfCancellationRequested();
        var writer = new SourceWriter(16 * 1024 + (context.Model.Types.Count * 200));
        FileHeader.Write(writer, context, context.JsonNamespace, EmitScope.Json);
        JsonResolverEmitter.Emit(writer, context, typeNames);
        files.Add(new GeneratedFile(context.HintNamePrefix + ".Json.g.cs", writer.ToString()));
    }

    private static void EmitGroup<T>(
        List<GeneratedFile> files,
        EmitContext context,
        string hintSuffix,
        EmitScope scope,
        List<T> items,
        System.Func<T, int> estimatedLength,
        System.Action<SourceWriter, T> emit,
        CancellationToken cancellationToken,
        string? preamble = null)
    {
        if (items.Count == 0)
        {
            return;
        }

        var capacity = 1024;
        foreach (var item in items)
        {
            capacity += estimatedLength(item);
        }

        var writer = new SourceWriter(capacity);
        FileHeader.Write(writer, context, scope == EmitScope.Json ? context.JsonNamespace : context.ModelsNamespace, scope);
        if (preamble is not null)
        {
            writer.WriteLine(preamble);
            writer.WriteLine();
        }

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
