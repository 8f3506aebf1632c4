using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Tether.Runtime.Tests.Transport;

/// <summary>A tcpdump process writing a pcap of one interface to memory until stopped.</summary>
internal sealed class TcpDumpCapture : IAsyncDisposable
{
    private readonly Process _process;
    private readonly MemoryStream _pcap = new();
    private readonly Task _copy;

    private TcpDumpCapture(Process process)
    {
        _process = process;
        _copy = process.StandardOutput.BaseStream.CopyToAsync(_pcap);
    }

    /// <summary>Starts tcpdump and waits until it reports that it is listening.</summary>
    public static async Task<TcpDumpCapture> StartAsync(string tcpdump, string networkInterface, string filter)
    {
        // -U writes each packet as it arrives, -s 128 keeps headers only, -w - streams the pcap to stdout.
        var start = new ProcessStartInfo(tcpdump)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "-i", networkInterface, "-nn", "-U", "-s", "128", "-w", "-", filter })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var capture = new TcpDumpCapture(process);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("listening on", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        process.BeginErrorReadLine();

        Task ready = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(10)));
        if (ready != listening.Task)
        {
            await capture.DisposeAsync();
            throw new InvalidOperationException($"tcpdump did not start listening (exited: {process.HasExited}).");
        }

        return capture;
    }

    /// <summary>Stops the capture (SIGINT, so tcpdump flushes) and returns the pcap bytes.</summary>
    public async Task<byte[]> StopAsync()
    {
        if (!_process.HasExited)
        {
            LinuxNative.Signal(_process.Id, LinuxNative.SignalInterrupt);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }

        await _copy;
        return _pcap.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
