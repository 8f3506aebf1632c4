namespace Tether.EndToEnd.Tests.References;

/// <summary>A small client generated from this project's own deep-reference spec.</summary>
[GenerateClient("References/deep-refs.yaml")]
public partial class LedgerClient
{
}
