using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Tether.Runtime.Tests.Transport;

/// <summary>What a <see cref="ChildClient"/> run should do.</summary>
internal sealed record ChildClientRequest(Uri Url, bool KeepAlive, TcpKeepAliveOptions? Options, TimeSpan Bound, bool Resolve = false);

/// <summary>The lines a <see cref="ChildClient"/> printed, parsed.</summary>
internal sealed record ChildClientReport(
    IReadOnlyList<string> Resolved,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Connected,
    IReadOnlyDictionary<string, string> Result,
    string Transcript,
    Version? RuntimeVersion)
{
    public string Outcome => Result.TryGetValue("outcome", out string? outcome) ? outcome : "missing";

    public TimeSpan Elapsed => TimeSpan.FromMilliseconds(long.Parse(Result["elapsed_ms"], CultureInfo.InvariantCulture));
}

/// <summary>Runs this test assembly as a <see cref="ChildClient"/>, optionally inside a network namespace.</summary>
internal static class ChildClientProcess
{
    /// <summary>Time a child gets beyond its own bound to start the runtime and report.</summary>
    private static readonly TimeSpan StartupAllowance = TimeSpan.FromSeconds(20);

    public static async Task<ChildClientReport> RunAsync(
        ChildClientRequest request,
        string? networkNamespace = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var arguments = new List<string>();
        if (networkNamespace is not null)
        {
            arguments.AddRange(["netns", "exec", networkNamespace]);
        }

        arguments.AddRange([DotnetHost(), "exec", typeof(ChildClient).Assembly.Location, ChildClient.Command]);
        arguments.AddRange(["--url", request.Url.ToString(), "--mode", request.KeepAlive ? "keepalive" : "plain"]);
        arguments.AddRange(["--bound", ((int)request.Bound.TotalSeconds).ToString(CultureInfo.InvariantCulture)]);
        if (request.Options is { } options)
        {
            arguments.AddRange([
                "--time", ((int)options.Time.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                "--interval", ((int)options.Interval.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                "--count", options.RetryCount.ToString(CultureInfo.InvariantCulture)]);
        }

        if (request.Resolve)
        {
            arguments.Add("--resolve");
        }

        string file = networkNamespace is null ? arguments[0] : CommandRunner.Find("ip") ?? "ip";
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in networkNamespace is null ? arguments.Skip(1) : arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(request.Bound + StartupAllowance);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        string transcript = await output + await error;
        ChildClientReport report = Parse(transcript);

        // A child on another runtime than the tests' would prove the wrong code path (.NET 8 vs .NET 10 sockets).
        if (report.RuntimeVersion is { } version && version.Major != Environment.Version.Major)
        {
            throw new InvalidOperationException($"the child client ran on .NET {version}, the tests on .NET {Environment.Version}");
        }

        return report;
    }

    private static ChildClientReport Parse(string transcript)
    {
        var resolved = new List<string>();
        var connected = new List<IReadOnlyDictionary<string, string>>();
        IReadOnlyDictionary<string, string> result = new Dictionary<string, string>();
        Version? runtime = null;
        foreach (string line in transcript.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string kind = line.Split(' ')[0];
            Dictionary<string, string> fields = line.Split(' ').Skip(1)
                .Select(field => field.Split('=', 2))
                .Where(pair => pair.Length == 2)
                .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
            switch (kind)
            {
                case "resolved":
                    resolved.AddRange(fields["addresses"].Split(',', StringSplitOptions.RemoveEmptyEntries));
                    break;
                case "connected":
                    connected.Add(fields);
                    break;
                case "result":
                    result = fields;
                    break;
                case "runtime":
                    runtime = Version.Parse(fields["version"]);
                    break;
            }
        }

        return new ChildClientReport(resolved, connected, result, transcript, runtime);
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
