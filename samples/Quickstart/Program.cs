using System;
using System.Threading;
using System.Threading.Tasks;

namespace Tether.Samples.Quickstart;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // Ctrl+C cancels the calls in flight instead of killing the process mid-way.
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return await QuickstartRunner.RunAsync(args, Console.Out, cancellation.Token).ConfigureAwait(false);
    }
}
