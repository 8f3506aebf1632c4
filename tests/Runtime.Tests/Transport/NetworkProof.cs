using System;
using Xunit;
using Xunit.Sdk;

namespace Tether.Runtime.Tests.Transport;

/// <summary>
/// The wire and NAT proofs need Linux, root and a few tools. On a developer's machine without them they skip and say
/// why; where <c>TETHER_REQUIRE_NETWORK_PROOFS=1</c> is set (CI's <c>.ci/run</c>), a missing prerequisite fails the test
/// instead, so the headline proofs cannot turn into a quiet skip.
/// </summary>
internal static class NetworkProof
{
    public const string RequiredVariable = "TETHER_REQUIRE_NETWORK_PROOFS";

    private static bool Required => Environment.GetEnvironmentVariable(RequiredVariable) == "1";

    public static void SkipUnless(bool available, string? reason)
    {
        if (available)
        {
            return;
        }

        if (Required)
        {
            throw new XunitException($"{reason} ({RequiredVariable}=1: this proof must run here)");
        }

        Skip.If(true, reason);
    }
}
