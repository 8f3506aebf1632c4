using System.Collections.Generic;
using System.Threading;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;

namespace Tether.Generator.Emitting.Client;

/// <summary>
/// The generated half of the user's <c>partial class</c>: the base class, the four constructors, one property per
/// tag (<c>client.Chat</c>) with its nested <c>ChatOperations</c> class, the untagged operations as methods of the
/// client itself, and the cached JSON metadata those methods use.
/// </summary>
internal static class ClientClassEmitter
{
    private const int CancellationCheckInterval = 32;

    public static GeneratedFile Emit(
        EmitContext context,
        ClientNames names,
        IReadOnlyList<OperationGroup> groups,
        OperationTypeInfoRegistry typeInfos,
        CancellationToken cancellationToken)
    {
        var writer = new SourceWriter(256 * 1024);
        FileHeader.Write(writer, context, context.Target.Namespace);
        var methods = new OperationMethodEmitter(context, names, typeInfos);
        // A sealed client class (the user's choice) cannot have virtual members; groups are never sealed.
        var clientVirtual = context.Target.IsSealed ? "public " : "public virtual ";

        // No modifiers besides "partial": the user's declaration owns accessibility and static-ness.
        writer.WriteLine("partial class " + names.ClientClass + " : " + names.BaseType);
        writer.OpenBlock();
        WriteConstructors(writer, names);

        OperationGroup? untagged = null;
        foreach (var group in groups)
        {
            if (group.Name is null)
            {
                untagged = group;
                continue;
            }

            writer.WriteLine();
            var field = GroupField(group.Name);
            var type = ClientNames.GroupClass(group.Name);
            writer.WriteLine("private " + type + "? " + field + ";");
            writer.WriteLine();
            writer.WriteLine("/// <summary>The operations tagged " + XmlDoc.Code(group.Name) + " in the OpenAPI description.</summary>");
            // Created on first use: most applications touch a few of the groups. A race creates two equal wrappers.
            writer.WriteLine(clientVirtual + type + " " + group.Name + " => " + field + " ??= new " + type + "(this);");
        }

        var count = 0;
        if (untagged is not null)
        {
            foreach (var entry in untagged.Operations)
            {
                CheckCancellation(ref count, cancellationToken);
                methods.Emit(writer, entry, "this", isVirtual: !context.Target.IsSealed);
            }
        }

        foreach (var group in groups)
        {
            if (group.Name is null)
            {
                continue;
            }

            var type = ClientNames.GroupClass(group.Name);
            writer.WriteLine();
            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// The operations tagged " + XmlDoc.Code(group.Name) + "; reach them through <see cref=\"" + group.Name + "\"/>. Every method is virtual:");
            writer.WriteLine("/// a test double derives from this class and overrides what the code under test calls.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine("public class " + type);
            writer.OpenBlock();
            writer.WriteLine("private readonly " + names.ClientType + "? _owner;");
            writer.WriteLine();
            writer.WriteLine("internal " + type + "(" + names.ClientType + " client)");
            writer.OpenBlock();
            writer.WriteLine("_owner = client;");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("/// <summary>For test doubles: a subclass overrides the methods it needs; the others throw <see cref=\"global::System.InvalidOperationException\"/>.</summary>");
            writer.WriteLine("protected " + type + "()");
            writer.OpenBlock();
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("private " + names.ClientType + " Owner => _owner ?? throw new global::System.InvalidOperationException("
                + CSharpLiteral.String("This " + type + " is a test double without a client: override the methods the code under test calls.") + ");");
            foreach (var entry in group.Operations)
            {
                CheckCancellation(ref count, cancellationToken);
                methods.Emit(writer, entry, "Owner", isVirtual: true);
            }

            writer.CloseBlock();
        }

        if (typeInfos.Count > 0)
        {
            writer.WriteLine();
            typeInfos.Emit(writer);
        }

        writer.CloseBlock();
        return new GeneratedFile(context.HintNamePrefix + ".Client.g.cs", writer.ToString());
    }

    private static void WriteConstructors(SourceWriter writer, ClientNames names)
    {
        var client = names.ClientClass;
        var options = names.OptionsType;
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Creates a client with the default settings (see <see cref=\"" + options + "\"/>): keys from the environment, TCP");
        writer.WriteLine("/// keepalive on every connection, a 10-minute per-attempt timeout and 2 retries.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("public " + client + "()");
        writer.WriteLine("    : base(new " + options + "())");
        writer.OpenBlock();
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Creates a client on Tether's keepalive transport, built from <paramref name=\"options\"/>.</summary>");
        writer.WriteLine("/// <param name=\"options\">The settings, read now: later changes do not affect the client.</param>");
        writer.WriteLine("public " + client + "(" + options + " options)");
        writer.WriteLine("    : base(options)");
        writer.OpenBlock();
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Creates a client that sends through <paramref name=\"httpClient\"/>, exactly as given (no keepalive is added, and the");
        writer.WriteLine("/// client is not disposed with this one).");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"httpClient\">The client to send through; its own <c>Timeout</c> also applies.</param>");
        writer.WriteLine("/// <param name=\"options\">The settings; when <see langword=\"null\"/>, the defaults with the base address of <paramref name=\"httpClient\"/> if it has one.</param>");
        writer.WriteLine("public " + client + "(" + RuntimeTypes.HttpClient + " httpClient, " + options + "? options = null)");
        writer.WriteLine("    : base(httpClient, options)");
        writer.OpenBlock();
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Creates a client that sends through <paramref name=\"handler\"/>, exactly as given (not disposed with the client).</summary>");
        writer.WriteLine("/// <param name=\"handler\">The handler to send through.</param>");
        writer.WriteLine("/// <param name=\"options\">The settings; the defaults when <see langword=\"null\"/>.</param>");
        writer.WriteLine("public " + client + "(" + RuntimeTypes.HttpMessageHandler + " handler, " + options + "? options = null)");
        writer.WriteLine("    : base(handler, options)");
        writer.OpenBlock();
        writer.CloseBlock();
    }

    private static string GroupField(string group) => "_" + OperationPlan.Unescaped(OperationPlan.CamelCase(group)) + "Operations";

    private static void CheckCancellation(ref int count, CancellationToken cancellationToken)
    {
        if (count++ % CancellationCheckInterval == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
