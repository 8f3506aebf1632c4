using Microsoft.CodeAnalysis;
using Xunit;

namespace Tether.Generator.Tests.Support;

/// <summary>What the incremental driver did in a run, step by step (<see cref="TrackingNames"/>).</summary>
internal static class TrackedSteps
{
    /// <summary>Every output of the step, from every run of it.</summary>
    public static List<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string stepName)
    {
        Assert.True(result.TrackedSteps.ContainsKey(stepName), $"step {stepName} was not tracked");
        return result.TrackedSteps[stepName].SelectMany(run => run.Outputs).ToList();
    }

    public static void AssertAllOutputs(GeneratorRunResult result, string stepName, params IncrementalStepRunReason[] allowed)
    {
        var outputs = Outputs(result, stepName);
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.Contains(output.Reason, allowed));
    }
}
