using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;

namespace Tether.Benchmarks.Suites;

/// <summary>
/// Sums the JIT compilation time of the runtime's own events by the namespace of the compiled method (first two
/// segments: <c>Microsoft.OpenApi</c>, <c>Tether.Generator</c>, <c>Microsoft.CodeAnalysis</c>, …), to tell which
/// library a cold generator run spends its JIT time in. Diagnostic only: the listener itself costs a little.
/// </summary>
internal sealed class JitByNamespaceListener : EventListener
{
    private const int MethodJittingStartedId = 145;
    private const int MethodLoadVerboseId = 143;
    private const long JitKeyword = 0x10;

    private readonly ConcurrentDictionary<ulong, (string Group, DateTime Start)> _started = new();
    private readonly ConcurrentDictionary<string, (double Milliseconds, int Methods)> _totals = new();

    public bool Recording { get; set; }

    public IReadOnlyList<(string Group, double Milliseconds, int Methods)> Totals() =>
        _totals.Select(pair => (pair.Key, pair.Value.Milliseconds, pair.Value.Methods)).OrderByDescending(t => t.Milliseconds).ToList();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!Recording || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        if (eventData.EventId == MethodJittingStartedId)
        {
            var methodId = Convert.ToUInt64(Payload(eventData, "MethodID"), System.Globalization.CultureInfo.InvariantCulture);
            _started[methodId] = (Group(Payload(eventData, "MethodNamespace") as string), eventData.TimeStamp);
        }
        else if (eventData.EventId == MethodLoadVerboseId)
        {
            var methodId = Convert.ToUInt64(Payload(eventData, "MethodID"), System.Globalization.CultureInfo.InvariantCulture);
            if (_started.TryRemove(methodId, out var start))
            {
                var milliseconds = (eventData.TimeStamp - start.Start).TotalMilliseconds;
                _totals.AddOrUpdate(start.Group, (milliseconds, 1), (_, total) => (total.Milliseconds + milliseconds, total.Methods + 1));
            }
        }
    }

    private static object? Payload(EventWrittenEventArgs eventData, string name)
    {
        var index = eventData.PayloadNames!.IndexOf(name);
        return index < 0 ? null : eventData.Payload![index];
    }

    private static string Group(string? typeName)
    {
        if (string.IsNullOrEmpty(typeName))
        {
            return "(unknown)";
        }

        var parts = typeName.Split('.');
        return parts.Length >= 2 ? parts[0] + "." + parts[1] : parts[0];
    }
}
