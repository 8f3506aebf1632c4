using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Tether.Runtime.Tests.Transport;

/// <summary>
/// Three network namespaces, client → router → server, with the router behaving like a cloud NAT that forgets idle
/// connections after 5 s and silently drops what it no longer recognises. Only 10.200.x addresses inside these
/// namespaces are used; the root namespace is never changed. Disposing deletes the namespaces (and with them the
/// veth pairs and rules); stale namespaces of test processes that died are deleted on the next run.
/// </summary>
internal sealed partial class NetworkLab : IAsyncDisposable
{
    public const string Prefix = "tether-";
    public static readonly IPAddress ServerAddress = IPAddress.Parse("10.200.2.2");
    public static readonly IPAddress SecondServerAddress = IPAddress.Parse("10.200.2.3");

    private const string ClientLink = "eth0";
    private const string RouterClientLink = "to-client";
    private const string RouterServerLink = "to-server";
    private const string ServerLink = "eth0";
    private const string EtcNetns = "/etc/netns";

    private static int s_sequence;

    /// <summary>Whether this lab created /etc/netns, so that it removes it again once empty.</summary>
    private bool _createdEtcNetns;

    private NetworkLab(string baseName)
    {
        Client = baseName + "-c";
        Router = baseName + "-r";
        Server = baseName + "-s";
    }

    public string Client { get; }

    public string Router { get; }

    public string Server { get; }

    private string ClientEtc => Path.Combine(EtcNetns, Client);

    /// <summary>Why a lab cannot be built here, or <see langword="null"/> if it can be tried.</summary>
    public static string? MissingPrerequisite()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "network namespaces need Linux";
        }

        if (!LinuxNative.IsRoot)
        {
            return "network namespaces need root (CI runs as root)";
        }

        string[] missing = new[] { "ip", "iptables", "sysctl" }.Where(tool => CommandRunner.Find(tool) is null).ToArray();
        return missing.Length == 0 ? null : $"missing tools: {string.Join(", ", missing)} (apt-get install iproute2 iptables procps)";
    }

    /// <summary>
    /// Builds the lab. Returns the reason instead when this machine cannot (no netfilter, no namespaces), so the
    /// caller can skip with it; the partial lab is removed in that case.
    /// </summary>
    public static async Task<(NetworkLab? Lab, string? Failure)> CreateAsync()
    {
        await RemoveStaleAsync();
        string baseName = string.Create(
            CultureInfo.InvariantCulture, $"{Prefix}{Environment.ProcessId}-{Interlocked.Increment(ref s_sequence)}");
        var lab = new NetworkLab(baseName);
        try
        {
            await lab.BuildAsync();
            return (lab, null);
        }
        catch (InvalidOperationException failure)
        {
            await lab.DisposeAsync();
            return (null, failure.Message);
        }
    }

    /// <summary>A listening socket inside the server namespace (sockets stay in the namespace they were made in).</summary>
    public Socket Listen(IPAddress address, int port)
    {
        Socket? listener = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var handle = File.OpenHandle(Path.Combine("/var/run/netns", Server));
                LinuxNative.EnterNetworkNamespace((int)handle.DangerousGetHandle());
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(address, port));
                socket.Listen(16);
                listener = socket;
            }
            catch (Exception error)
            {
                failure = error;
            }
        });

        // A thread of its own, which ends right after: no other code ever runs in the server namespace.
        thread.Start();
        thread.Join();
        return listener ?? throw new InvalidOperationException("could not listen in the server namespace", failure);
    }

    /// <summary>Gives the server namespace a second address on its link.</summary>
    public Task AddSecondServerAddressAsync() =>
        CommandRunner.RunCheckedAsync("ip", "-n", Server, "addr", "add", $"{SecondServerAddress}/24", "dev", ServerLink);

    /// <summary>
    /// An /etc/hosts for processes run with <c>ip netns exec</c> in the client namespace (ip bind-mounts
    /// /etc/netns/NAME/hosts over /etc/hosts for them); deleted with the lab.
    /// </summary>
    public async Task WriteClientHostsAsync(string hosts)
    {
        _createdEtcNetns = !Directory.Exists(EtcNetns);
        Directory.CreateDirectory(ClientEtc);
        await File.WriteAllTextAsync(Path.Combine(ClientEtc, "hosts"), hosts);
    }

    /// <summary>The server host vanishes: the router drops everything that comes from the server's link.</summary>
    public async Task DropEverythingFromServerAsync()
    {
        await InRouterAsync("iptables", "-I", "FORWARD", "1", "-i", RouterServerLink, "-j", "DROP");
        await InRouterAsync("iptables", "-I", "INPUT", "1", "-i", RouterServerLink, "-j", "DROP");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (string name in new[] { Client, Router, Server })
        {
            await CommandRunner.RunAsync("ip", "netns", "delete", name);
        }

        if (Directory.Exists(ClientEtc))
        {
            Directory.Delete(ClientEtc, recursive: true);
        }

        if (_createdEtcNetns && Directory.Exists(EtcNetns) && Directory.GetFileSystemEntries(EtcNetns).Length == 0)
        {
            Directory.Delete(EtcNetns);
        }
    }

    private static async Task RemoveStaleAsync()
    {
        CommandRunner.Result list = await CommandRunner.RunAsync("ip", "netns", "list");
        IEnumerable<string> names = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ')[0])
            .Concat(Directory.Exists(EtcNetns) ? Directory.GetDirectories(EtcNetns).Select(Path.GetFileName).OfType<string>() : [])
            .Distinct();
        foreach (string name in names)
        {
            // Only labs whose test process is gone: another test run may be using its own right now.
            Match match = LabName().Match(name);
            if (!match.Success || IsAlive(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)))
            {
                continue;
            }

            await CommandRunner.RunAsync("ip", "netns", "delete", name);
            string etc = Path.Combine(EtcNetns, name);
            if (Directory.Exists(etc))
            {
                Directory.Delete(etc, recursive: true);
            }
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^tether-(\d+)-\d+-[crs]$")]
    private static partial Regex LabName();

    private async Task BuildAsync()
    {
        foreach (string name in new[] { Client, Router, Server })
        {
            await CommandRunner.RunCheckedAsync("ip", "netns", "add", name);
            await CommandRunner.RunCheckedAsync("ip", "-n", name, "link", "set", "lo", "up");
        }

        // Each veth pair is created inside the namespaces, so no interface ever appears in the root namespace.
        await CommandRunner.RunCheckedAsync("ip", "-n", Client, "link", "add", ClientLink, "type", "veth", "peer", "name", RouterClientLink, "netns", Router);
        await CommandRunner.RunCheckedAsync("ip", "-n", Server, "link", "add", ServerLink, "type", "veth", "peer", "name", RouterServerLink, "netns", Router);
        await ConfigureLinkAsync(Client, ClientLink, "10.200.1.2/24");
        await ConfigureLinkAsync(Router, RouterClientLink, "10.200.1.1/24");
        await ConfigureLinkAsync(Router, RouterServerLink, "10.200.2.1/24");
        await ConfigureLinkAsync(Server, ServerLink, $"{ServerAddress}/24");
        await CommandRunner.RunCheckedAsync("ip", "-n", Client, "route", "add", "default", "via", "10.200.1.1");
        await CommandRunner.RunCheckedAsync("ip", "-n", Server, "route", "add", "default", "via", "10.200.2.1");

        await InRouterAsync("sysctl", "-qw", "net.ipv4.ip_forward=1");
        await InRouterAsync("iptables", "-t", "nat", "-A", "POSTROUTING", "-o", RouterServerLink, "-j", "MASQUERADE");
        // After MASQUERADE a late reply is addressed to the router itself, so INVALID is dropped on INPUT as well;
        // without these rules (and with loose pickup) the router would answer with RST instead of staying silent.
        await InRouterAsync("iptables", "-A", "FORWARD", "-m", "conntrack", "--ctstate", "INVALID", "-j", "DROP");
        await InRouterAsync("iptables", "-A", "INPUT", "-m", "conntrack", "--ctstate", "INVALID", "-j", "DROP");
        // Conntrack settings are per namespace (the rules above load conntrack here first).
        await InRouterAsync("sysctl", "-qw", "net.netfilter.nf_conntrack_tcp_loose=0");
        await InRouterAsync("sysctl", "-qw", "net.netfilter.nf_conntrack_tcp_timeout_established=5");
    }

    private static async Task ConfigureLinkAsync(string space, string link, string address)
    {
        await CommandRunner.RunCheckedAsync("ip", "-n", space, "addr", "add", address, "dev", link);
        await CommandRunner.RunCheckedAsync("ip", "-n", space, "link", "set", link, "up");
    }

    private Task<string> InRouterAsync(string tool, params string[] arguments) =>
        CommandRunner.RunCheckedAsync("ip", ["netns", "exec", Router, CommandRunner.Find(tool) ?? tool, .. arguments]);
}
