using System.Collections.Generic;
using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;

namespace Tether.Generator.Emitting.Client;

/// <summary>
/// The operations that share a tag (a nested <c>{Tag}Operations</c> class, reached through a property of the client),
/// or the untagged ones (methods on the client itself, <see cref="Name"/> null). The names of every method each
/// operation gets were fixed before emitting (<see cref="Planning.MethodNamePlanner"/>).
/// </summary>
internal sealed class OperationGroup
{
    public OperationGroup(string? name) => Name = name;

    /// <summary>PascalCase of the tag, or null for the client's own operations.</summary>
    public string? Name { get; }

    public List<Entry> Operations { get; } = new();

    public void Add(OperationPlan plan) => Operations.Add(new Entry(plan));

    /// <summary>One operation of the group and the names of its methods.</summary>
    internal sealed class Entry
    {
        public Entry(OperationPlan plan) => Plan = plan;

        public OperationPlan Plan { get; }

        private OperationMethodNames Names => Plan.Model.Names
            ?? throw new System.InvalidOperationException("operation '" + Plan.Model.OperationId + "' reached the emitter without planned names");

        /// <summary>The plain method, returning the parsed body.</summary>
        public string MethodName => Plan.Model.MethodName;

        /// <inheritdoc cref="OperationMethodNames.Streaming"/>
        public string? StreamingMethodName => Names.Streaming;

        /// <inheritdoc cref="OperationMethodNames.WithResponse"/>
        public string WithResponseMethodName => Names.WithResponse;

        /// <inheritdoc cref="OperationMethodNames.StreamingWithResponse"/>
        public string? StreamingWithResponseMethodName => Names.StreamingWithResponse;

        /// <inheritdoc cref="OperationMethodNames.AutoPaging"/>
        public string? AutoPagingMethodName => Names.AutoPaging;

        /// <inheritdoc cref="OperationMethodNames.RequestBuilder"/>
        public string RequestBuilderName => Names.RequestBuilder;
    }
}
