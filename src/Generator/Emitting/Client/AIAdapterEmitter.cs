using System.Collections.Generic;
using System.Linq;
using Tether.Generator.Model;
using Tether.Generator.Planning;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;

namespace Tether.Generator.Emitting.Client;

/// <summary>
/// <c>AsIChatClient(model)</c> and <c>AsIEmbeddingGenerator(model)</c>, written when the project references
/// Tether.Extensions.AI and the spec has the operations (see <see cref="Targets.AIAdapterSelector"/>). The mapping to
/// and from Microsoft.Extensions.AI lives once in that package; this file only hands it the generated types and
/// the operations to call, so calls keep the client's pipeline and can be faked by overriding them.
/// </summary>
internal static class AIAdapterEmitter
{
    public const string ChatClientMetadataName = "Tether.Extensions.AI.ChatCompletionsChatClient`3";

    public static GeneratedFile Emit(EmitContext context, ClientNames names, AIAdapterPlan plan, IReadOnlyList<OperationGroup> groups)
    {
        var writer = new SourceWriter(4096);
        FileHeader.Write(writer, context, context.Target.Namespace);
        writer.WriteLine("partial class " + names.ClientClass);
        writer.OpenBlock();
        if (plan.ChatOperationId is { } chatId)
        {
            WriteChatClient(writer, context, Find(groups, chatId));
        }

        if (plan.EmbeddingsOperationId is { } embeddingsId)
        {
            if (plan.ChatOperationId is not null)
            {
                writer.WriteLine();
            }

            WriteEmbeddingGenerator(writer, context, Find(groups, embeddingsId));
        }

        writer.CloseBlock();
        return new GeneratedFile(context.HintNamePrefix + ".AI.g.cs", writer.ToString());
    }

    private static void WriteChatClient(SourceWriter writer, EmitContext context, Operation operation)
    {
        var model = operation.Entry.Plan.Model;
        var request = TypeNames.Of(model.Body!.Type, context);
        var response = TypeNames.Of(model.Response.Type!, context);
        var chunk = TypeNames.Of(model.Streaming!.EventType, context);
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// This client as a Microsoft.Extensions.AI <see cref=\"global::Microsoft.Extensions.AI.IChatClient\"/>, over");
        writer.WriteLine("/// <see cref=\"" + operation.Cref + operation.Entry.MethodName + "\"/> and <see cref=\"" + operation.Cref + operation.Entry.StreamingMethodName + "\"/>: every call has this");
        writer.WriteLine("/// client's keepalive transport, timeouts, retries, telemetry and typed errors. Middleware (function invocation,");
        writer.WriteLine("/// OpenTelemetry, logging, caching) goes on top with <c>ChatClientBuilder</c>.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"model\">The model asked when a call's <c>ChatOptions.ModelId</c> is not set, e.g. <c>gpt-4o</c>.</param>");
        writer.WriteLine("/// <returns>The chat client; <c>GetService</c> returns this client, disposing it leaves this client open.</returns>");
        writer.WriteLine("public global::Microsoft.Extensions.AI.IChatClient " + ClientMemberNames.ChatClientMethod + "(string model)");
        writer.WriteLine("    => new global::Tether.Extensions.AI.ChatCompletionsChatClient<" + request + ", " + response + ", " + chunk + ">(");
        writer.WriteLine("        this,");
        writer.WriteLine("        model,");
        writer.WriteLine("        Pipeline.BaseAddress,");
        writer.WriteLine("        JsonOptions,");
        writer.WriteLine("        (request, cancellationToken) => " + operation.Call + operation.Entry.MethodName + "(request, null, cancellationToken),");
        writer.WriteLine("        (request, cancellationToken) => " + operation.Call + operation.Entry.StreamingMethodName + "(request, null, cancellationToken));");
    }

    private static void WriteEmbeddingGenerator(SourceWriter writer, EmitContext context, Operation operation)
    {
        var model = operation.Entry.Plan.Model;
        var request = TypeNames.Of(model.Body!.Type, context);
        var response = TypeNames.Of(model.Response.Type!, context);
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// This client as a Microsoft.Extensions.AI <see cref=\"global::Microsoft.Extensions.AI.IEmbeddingGenerator{TInput, TEmbedding}\"/>, over");
        writer.WriteLine("/// <see cref=\"" + operation.Cref + operation.Entry.MethodName + "\"/>, with this client's keepalive transport, timeouts, retries, telemetry and typed errors.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"model\">The model asked when a call's <c>EmbeddingGenerationOptions.ModelId</c> is not set, e.g. <c>text-embedding-3-small</c>.</param>");
        writer.WriteLine("/// <returns>The generator; <c>GetService</c> returns this client, disposing it leaves this client open.</returns>");
        writer.WriteLine("public global::Microsoft.Extensions.AI.IEmbeddingGenerator<string, global::Microsoft.Extensions.AI.Embedding<float>> " + ClientMemberNames.EmbeddingGeneratorMethod + "(string model)");
        writer.WriteLine("    => new global::Tether.Extensions.AI.EmbeddingsGenerator<" + request + ", " + response + ">(");
        writer.WriteLine("        this,");
        writer.WriteLine("        model,");
        writer.WriteLine("        Pipeline.BaseAddress,");
        writer.WriteLine("        JsonOptions,");
        writer.WriteLine("        (request, cancellationToken) => " + operation.Call + operation.Entry.MethodName + "(request, null, cancellationToken));");
    }

    /// <summary>
    /// The operation's entry, how the client calls it (<c>Chat.</c> for a tagged group, nothing for the client's own)
    /// and how a doc comment names it (<c>ChatOperations.</c>).
    /// </summary>
    private static Operation Find(IReadOnlyList<OperationGroup> groups, string operationId)
    {
        foreach (var group in groups)
        {
            var entry = group.Operations.FirstOrDefault(e => e.Plan.Model.OperationId == operationId);
            if (entry is not null)
            {
                return group.Name is { } name
                    ? new Operation(name + ".", ClientNames.GroupClass(name) + ".", entry)
                    : new Operation(string.Empty, string.Empty, entry);
            }
        }

        throw new System.InvalidOperationException("The AI adapter's operation '" + operationId + "' is not among the client's operations.");
    }

    private sealed record Operation(string Call, string Cref, OperationGroup.Entry Entry);
}
