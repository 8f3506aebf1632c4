using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;

namespace Tether.Generator.Emitting.Client;

/// <summary>
/// The client half of the output: options, base class, and the partial client with its operations. A spec without
/// operations (a schema library) gets models only, as there is nothing to call.
/// </summary>
/// <remarks>
/// Runs before the model files are written: metadata for a top-level list or map body registers collection helpers
/// with <see cref="EmitContext.Collections"/>, which the model emitter writes out last.
/// </remarks>
internal static class ClientEmitter
{
    public static void Emit(EmitContext context, List<GeneratedFile> files, CancellationToken cancellationToken)
    {
        if (context.Model.Operations.Count == 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var names = new ClientNames(context.Target);
        var security = SecurityTables.Of(context.Model);

        // Groups in the order their first operation appears in the spec; operations in spec order within each.
        var groups = new List<OperationGroup>();
        var groupsByName = new Dictionary<string, OperationGroup>(System.StringComparer.Ordinal);
        var untagged = new OperationGroup(null);
        foreach (var operation in context.Model.Operations)
        {
            var plan = new OperationPlan(operation, context, security);
            if (operation.Group is not { } name)
            {
                untagged.Add(plan);
                continue;
            }

            if (!groupsByName.TryGetValue(name, out var group))
            {
                group = new OperationGroup(name);
                groupsByName.Add(name, group);
                groups.Add(group);
            }

            group.Add(plan);
        }

        if (untagged.Operations.Count > 0)
        {
            groups.Add(untagged);
        }

        // The client's own members besides its operations; a group class has none but its operations.
        var clientMembers = new List<string> { "Pipeline", "Dispose", "JsonOptions" };
        foreach (var group in groups)
        {
            if (group.Name is { } name)
            {
                clientMembers.Add(name);
            }
        }

        if (context.Model.Webhooks is not null)
        {
            clientMembers.Add(WebhookReceiverEmitter.PropertyName(context.Model));
            clientMembers.Add(WebhookReceiverEmitter.ReceiverClass);
        }

        foreach (var scheme in context.Model.SecuritySchemes)
        {
            clientMembers.Add(ClientBaseEmitter.CredentialProperty(scheme));
        }

        clientMembers.AddRange(security.Requirements.Select(requirement => requirement.PropertyName));

        if (context.AIAdapters is { } adapters)
        {
            clientMembers.AddRange(AIAdapterEmitter.MemberNames(adapters));
        }

        foreach (var group in groups)
        {
            group.AssignNames(group.Name is null ? clientMembers : System.Array.Empty<string>());
        }

        var typeInfos = new OperationTypeInfoRegistry(context);
        // Before the client class, which writes out the type metadata the receiver registers.
        if (context.Model.Webhooks is { } webhooks)
        {
            files.Add(WebhookReceiverEmitter.Emit(context, names, webhooks, typeInfos));
        }

        files.Add(ClientClassEmitter.Emit(context, names, groups, typeInfos, cancellationToken));
        files.Add(ClientOptionsEmitter.Emit(context, names));
        files.Add(ClientBaseEmitter.Emit(context, names));
        if (context.RegistersServices)
        {
            files.Add(ServiceRegistrationEmitter.Emit(context, names));
        }

        if (context.AIAdapters is { } aiAdapters)
        {
            files.Add(AIAdapterEmitter.Emit(context, names, aiAdapters, groups));
        }
    }
}
