using System.Collections.Generic;
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
