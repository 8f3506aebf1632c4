using Xunit;

namespace Tether.Runtime.Tests.Transport;

/// <summary>
/// The tests that build network namespaces run one after another: each takes 15–30 s of mostly waiting, and
/// running them apart keeps their timings honest on a two-core machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class NetworkNamespaceCollection
{
    public const string Name = "Network namespaces";
}
