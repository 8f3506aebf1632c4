using System.Diagnostics;
using System.Globalization;
using Tether.Runtime.Tests.Transport;

namespace Tether.EndToEnd.Tests.Nat;

/// <summary>What a <see cref="NatChildClient"/> run reported: its <c>result</c> fields and everything it printed.</summary>
internal sealed record NatChildReport(IReadOnlyDictionary<string, string> Result, string Transcript)
{
    public string Outcome => Result.TryGetValue("outcome", out var outcome) ? outcome : "missing";

    public TimeSpan Elapsed => Result.TryGetValue("elapsed_ms", out var ms) ? TimeSpan.FromMilliseconds(long.Parse(ms, CultureInfo.InvariantCulture)) : TimeSpan.Zero;

    public override string ToString() => Result.Count == 0
        ? "no result; child output: " + Transcript.Trim()
        : string.Join(' ', Result.Select(pair => pair.Key + "=" + pair.Value));
}

/// <summary>Runs this test assembly as a <see cref="NatChildClient"/> inside a network namespace (<c>ip netns exec</c>).</summary>
internal static class NatChildProcess
{
    /// <summary>Time a child gets beyond its own bound to start the runtime and report.</summary>
    private static readonly TimeSpan StartupAllowance = TimeSpan.FromSeconds(20);

    public static async Task<NatChildReport> RunAsync(string networkNamespace, TimeSpan bound, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(CommandRunner.Find("ip") ?? "ip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["netns", "exec", networkNamespace, DotnetHost(), "exec", typeof(NatChildClient).Assembly.Location, NatChildClient.Command,
            "--bound", ((int)bound.TotalSeconds).ToString(CultureInfo.InvariantCulture), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(bound + StartupAllowance);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var transcript = await output + await error;
        var result = transcript.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("result ", StringComparison.Ordinal))
            .Select(line => line.Split(' ').Skip(1).Select(field => field.Split('=', 2)).Where(pair => pair.Length == 2)
                .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal))
            .LastOrDefault() ?? new Dictionary<string, string>();
        return new NatChildReport(result, transcript);
    }

    /// <summary>The dotnet host running the tests; the SDK tells its children where it is.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        if (Environment.ProcessPath is { } processPath && Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            return processPath;
        }

        return CommandRunner.Find("dotnet") ?? "dotnet";
    }
}
