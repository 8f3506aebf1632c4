using System.Collections.Generic;
using System.Globalization;
using Tether.Generator.Model;

namespace Tether.Generator.Emitting;

/// <summary>
/// The operations that share a tag (a nested <c>{Tag}Operations</c> class, reached through a property of the client),
/// or the untagged ones (methods on the client itself, <see cref="Name"/> null), with their final method names.
/// </summary>
internal sealed class OperationGroup
{
    private readonly HashSet<string> _methodNames = new(System.StringComparer.Ordinal);

    public OperationGroup(string? name) => Name = name;

    /// <summary>PascalCase of the tag, or null for the client's own operations.</summary>
    public string? Name { get; }

    public List<Entry> Operations { get; } = new();

    public void Add(OperationPlan plan) => Operations.Add(new Entry(plan, plan.Model.MethodName, null));

    /// <summary>
    /// Names the streaming methods once every plain method is known, so that a streaming name never takes the name of a
    /// plain method (the parser made those unique).
    /// </summary>
    public void AssignStreamingNames()
    {
        foreach (var entry in Operations)
        {
            _methodNames.Add(entry.MethodName);
        }

        for (var i = 0; i < Operations.Count; i++)
        {
            var entry = Operations[i];
            if (entry.Plan.Model.Streaming is null)
            {
                continue;
            }

            var baseName = OperationMethodEmitter.StreamingMethodName(entry.MethodName);
            var name = baseName;
            for (var suffix = 2; !_methodNames.Add(name); suffix++)
            {
                name = baseName + suffix.ToString(CultureInfo.InvariantCulture);
            }

            Operations[i] = new Entry(entry.Plan, entry.MethodName, name);
        }
    }

    /// <summary>One operation of the group.</summary>
    internal sealed class Entry
    {
        public Entry(OperationPlan plan, string methodName, string? streamingMethodName)
        {
            Plan = plan;
            MethodName = methodName;
            StreamingMethodName = streamingMethodName;
        }

        public OperationPlan Plan { get; }

        public string MethodName { get; }

        public string? StreamingMethodName { get; }
    }
}
