using System;
using System.Threading.Tasks;

namespace Tether.Runtime.Tests.Transport;

/// <summary>
/// Main of the test assembly. The test host never calls it; the transport tests run this assembly as a child
/// process (<see cref="ChildClientProcess"/>) when a client must live somewhere the test process cannot be: inside
/// a network namespace, or in a process whose environment names a proxy (the runtime reads HTTP_PROXY once per
/// process).
/// </summary>
public static class ChildProcessEntryPoint
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == ChildClient.Command)
        {
            return await ChildClient.RunAsync(args.AsMemory(1));
        }

        return 0;
    }
}
