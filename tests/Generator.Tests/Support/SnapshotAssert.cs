using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace Tether.Generator.Tests.Support;

/// <summary>
/// A tiny verified-file check (Verify is not available here): the text must equal <c>Snapshots/NAME.verified.cs</c>
/// beside the calling test file. On a mismatch, <c>NAME.received.cs</c> is written next to it for review (diff the
/// two); set <c>TETHER_ACCEPT_SNAPSHOTS=1</c> to accept the received text as the new verified file.
/// </summary>
internal static class SnapshotAssert
{
    public const string AcceptVariable = "TETHER_ACCEPT_SNAPSHOTS";

    public static void Matches(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        var verified = Path.Combine(folder, name + ".verified.cs");
        var received = Path.Combine(folder, name + ".received.cs");
        actual = actual.Replace("\r\n", "\n");

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        if (File.Exists(verified))
        {
            var expected = File.ReadAllText(verified).Replace("\r\n", "\n");
            if (expected == actual)
            {
                File.Delete(received);
                return;
            }

            File.WriteAllText(received, actual);
            throw new XunitException(
                $"Snapshot '{name}' differs from the verified file at {FirstDifference(expected, actual)}.\n" +
                $"Review: diff -u {verified} {received}\n" +
                $"Accept: {AcceptVariable}=1 dotnet test ... (rewrites the verified file)");
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(received, actual);
        throw new XunitException($"Snapshot '{name}' has no verified file yet. Review {received}, then accept it with {AcceptVariable}=1.");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var left = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var right = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (left != right)
            {
                return $"line {i + 1}:\n  verified: {left}\n  received: {right}";
            }
        }

        return "<no line differs>";
    }
}
