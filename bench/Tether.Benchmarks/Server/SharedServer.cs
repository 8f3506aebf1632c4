using System;

namespace Tether.Benchmarks.Server;

/// <summary>
/// The one loopback server of a run. Program starts it before BenchmarkDotNet and passes its address to the benchmark
/// processes in <see cref="ServerProcess.BaseAddressVariable"/>; a benchmark process started some other way starts its own.
/// </summary>
internal static class SharedServer
{
    private static readonly object Gate = new();
    private static ServerProcess? s_ownServer;

    public static Uri BaseAddress
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(ServerProcess.BaseAddressVariable);
            if (!string.IsNullOrEmpty(configured))
            {
                return new Uri(configured);
            }

            lock (Gate)
            {
                if (s_ownServer is null)
                {
                    var server = ServerProcess.Start();
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
                    s_ownServer = server;
                }

                return s_ownServer.BaseAddress;
            }
        }
    }
}
