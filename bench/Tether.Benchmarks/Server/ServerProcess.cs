using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Tether.Benchmarks.Payloads;

namespace Tether.Benchmarks.Server;

/// <summary>
/// Runs <see cref="LoopbackChatServer"/> in a child process of this same program (<c>--serve</c>), so that the
/// allocations BenchmarkDotNet counts (process-wide) are the client's alone, and every benchmark process talks to the
/// same single server. The child prints its base address on its first output line and exits when its standard input
/// closes, so it never outlives the benchmark run.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    public const string ServeArgument = "--serve";
    public const string BaseAddressVariable = "TETHER_BENCH_SERVER";

    private readonly Process _process;

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static ServerProcess Start()
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath ?? "dotnet",
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Under `dotnet Tether.Benchmarks.dll` the process is the dotnet host, which needs the assembly path first.
        if (string.Equals(Path.GetFileNameWithoutExtension(start.FileName), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        }

        start.ArgumentList.Add(ServeArgument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the loopback server process");
        var readLine = process.StandardOutput.ReadLineAsync();
        if (!readLine.Wait(TimeSpan.FromSeconds(60)) || readLine.Result is not { Length: > 0 } line)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new InvalidOperationException("the loopback server process did not report its address within 60 s");
        }

        return new ServerProcess(process, new Uri(line));
    }

    /// <summary>
    /// Sends the server both kinds of request for a few seconds, so that its own JIT has settled before anything is
    /// measured: the server shares the two cores with the benchmark, and a server still compiling its hot paths made the
    /// first measured benchmark of a run slower and bimodal.
    /// </summary>
    public void WarmUp(TimeSpan duration)
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseAddress.AbsoluteUri.TrimEnd('/') + "/") };
        var stopwatch = Stopwatch.StartNew();
        do
        {
            foreach (var body in new[] { ChatPayloads.RequestJson, ChatPayloads.StreamingRequestJson })
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = client.PostAsync("chat/completions", content).GetAwaiter().GetResult();
                response.EnsureSuccessStatusCode();
                response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            }
        }
        while (stopwatch.Elapsed < duration);
    }

    /// <summary>The body of the child process: serve until standard input closes.</summary>
    public static async Task<int> ServeAsync()
    {
        await using var server = await LoopbackChatServer.StartAsync().ConfigureAwait(false);
        Console.Out.WriteLine(server.BaseAddress.AbsoluteUri);
        Console.Out.Flush();
        // Returns at end of input: the parent closed the pipe or died.
        await Console.In.ReadToEndAsync().ConfigureAwait(false);
        return 0;
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
