using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Tether.Runtime.Tests.Transport;

/// <summary>The few libc calls the transport tests need and .NET does not offer.</summary>
internal static class LinuxNative
{
    public const int SignalInterrupt = 2;
    private const int CloneNewNet = 0x40000000;

    public static bool IsRoot => OperatingSystem.IsLinux() && geteuid() == 0;

    /// <summary>Moves the calling thread (only that thread) into the network namespace open as <paramref name="fd"/>.</summary>
    public static void EnterNetworkNamespace(int fd)
    {
        if (setns(fd, CloneNewNet) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "setns(CLONE_NEWNET) failed");
        }
    }

    /// <summary>Sends a signal to a process this test started (tcpdump flushes its capture on SIGINT).</summary>
    public static void Signal(int processId, int signal) => _ = kill(processId, signal);

#pragma warning disable SYSLIB1054 // DllImport keeps the test project free of AllowUnsafeBlocks.
    [DllImport("libc", SetLastError = true)]
    private static extern int setns(int fd, int nstype);

    [DllImport("libc")]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
#pragma warning restore SYSLIB1054
}
