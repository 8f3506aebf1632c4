namespace Tether.EndToEnd.Tests.Security;

/// <summary>A second client, generated from the small spec beside it, for the security schemes OpenAI does not use.</summary>
[GenerateClient("vault.yaml")]
public partial class VaultClient
{
}
