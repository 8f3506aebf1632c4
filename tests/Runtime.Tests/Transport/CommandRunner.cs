using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Tether.Runtime.Tests.Transport;

/// <summary>Runs system tools (ip, iptables, sysctl) with a time bound; a tool that overruns is killed.</summary>
internal static class CommandRunner
{
    private static readonly string[] SystemDirectories = ["/usr/sbin", "/sbin", "/usr/bin", "/bin"];

    public readonly record struct Result(int ExitCode, string Output, string Error)
    {
        public bool Succeeded => ExitCode == 0;
    }

    /// <summary>The full path of a tool, looked up on PATH and in the sbin directories root's PATH usually has.</summary>
    public static string? Find(string tool)
    {
        IEnumerable<string> path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return path.Concat(SystemDirectories).Select(directory => Path.Combine(directory, tool)).FirstOrDefault(File.Exists);
    }

    public static async Task<Result> RunAsync(string file, IEnumerable<string> arguments, TimeSpan? bound = null)
    {
        var start = new ProcessStartInfo(Find(file) ?? file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(bound ?? TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new Result(-1, await output, $"{file} timed out; {await error}");
        }

        return new Result(process.ExitCode, await output, await error);
    }

    public static Task<Result> RunAsync(string file, params string[] arguments) => RunAsync(file, arguments, null);

    /// <summary>Runs a tool and throws with its error output if it fails.</summary>
    public static async Task<string> RunCheckedAsync(string file, params string[] arguments)
    {
        Result result = await RunAsync(file, arguments, null);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"`{file} {string.Join(' ', arguments)}` exited with {result.ExitCode}: {result.Error.Trim()}");
        }

        return result.Output;
    }
}
