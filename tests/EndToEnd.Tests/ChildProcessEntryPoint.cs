using Tether.EndToEnd.Tests.Nat;

namespace Tether.EndToEnd.Tests;

/// <summary>
/// Main of the test assembly. The test host never calls it; the NAT test runs this assembly as a child process
/// (<see cref="NatChildProcess"/>) so that a generated client can live inside the client network namespace.
/// </summary>
public static class ChildProcessEntryPoint
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == NatChildClient.Command)
        {
            return await NatChildClient.RunAsync(args.AsMemory(1));
        }

        return 0;
    }
}
