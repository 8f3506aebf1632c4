using System.Collections.Generic;
using System.Globalization;
using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;

namespace Tether.Generator.Emitting.Client;

/// <summary>
/// The operations that share a tag (a nested <c>{Tag}Operations</c> class, reached through a property of the client),
/// or the untagged ones (methods on the client itself, <see cref="Name"/> null), with the final names of every
/// method each operation gets.
/// </summary>
internal sealed class OperationGroup
{
    private const string AsyncSuffix = "Async";

    private readonly HashSet<string> _methodNames = new(System.StringComparer.Ordinal);

    public OperationGroup(string? name) => Name = name;

    /// <summary>PascalCase of the tag, or null for the client's own operations.</summary>
    public string? Name { get; }

    public List<Entry> Operations { get; } = new();

    public void Add(OperationPlan plan) => Operations.Add(new Entry(plan, plan.Model.MethodName));

    /// <summary>
    /// Names every derived method once every plain method is known, with one rule: a derived name never takes the name
    /// of a plain method (the parser made those unique) or of another derived one; a clash gets the first free numeric
    /// suffix. Order: streaming, the response forms, auto-paging, then the private request builder.
    /// </summary>
    /// <param name="reserved">Member names the class already has (group properties, the webhook receiver).</param>
    public void AssignNames(IEnumerable<string> reserved)
    {
        foreach (var name in reserved)
        {
            _methodNames.Add(name);
        }

        foreach (var entry in Operations)
        {
            _methodNames.Add(entry.MethodName);
        }

        foreach (var entry in Operations)
        {
            var stem = Stem(entry.MethodName);
            if (entry.Plan.Model.Streaming is not null)
            {
                entry.StreamingMethodName = Claim(stem + "StreamingAsync");
            }

            entry.WithResponseMethodName = Claim(stem + "WithResponseAsync");
            if (entry.StreamingMethodName is { } streaming)
            {
                entry.StreamingWithResponseMethodName = Claim(Stem(streaming) + "WithResponseAsync");
            }

            if (entry.Plan.Model.Pagination is not null)
            {
                entry.AutoPagingMethodName = Claim(stem + "AutoPagingAsync");
            }
        }

        foreach (var entry in Operations)
        {
            entry.RequestBuilderName = Claim("Build" + Stem(entry.MethodName) + "Request");
        }
    }

    private static string Stem(string methodName) =>
        methodName.EndsWith(AsyncSuffix, System.StringComparison.Ordinal) ? methodName.Substring(0, methodName.Length - AsyncSuffix.Length) : methodName;

    private string Claim(string baseName)
    {
        var name = baseName;
        for (var suffix = 2; !_methodNames.Add(name); suffix++)
        {
            name = baseName + suffix.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>One operation of the group and the names of its methods.</summary>
    internal sealed class Entry
    {
        public Entry(OperationPlan plan, string methodName)
        {
            Plan = plan;
            MethodName = methodName;
        }

        public OperationPlan Plan { get; }

        /// <summary>The plain method, returning the parsed body.</summary>
        public string MethodName { get; }

        /// <summary>The method returning <c>IAsyncEnumerable</c> of the events, for streaming operations.</summary>
        public string? StreamingMethodName { get; set; }

        /// <summary>The plain method's twin returning <c>TetherResponse&lt;T&gt;</c> (status, headers, request id).</summary>
        public string WithResponseMethodName { get; set; } = string.Empty;

        /// <summary>The streaming method's twin returning <c>TetherStreamingResponse&lt;T&gt;</c> once headers arrive.</summary>
        public string? StreamingWithResponseMethodName { get; set; }

        /// <summary>The method returning every item of a paged list.</summary>
        public string? AutoPagingMethodName { get; set; }

        /// <summary>The private method that checks the arguments and describes the call, shared by the forms above.</summary>
        public string RequestBuilderName { get; set; } = string.Empty;
    }
}
