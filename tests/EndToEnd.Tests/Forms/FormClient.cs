namespace Tether.EndToEnd.Tests.Forms;

/// <summary>A second, small client, generated from this project's own form spec (form POSTs as Twilio and Stripe send them).</summary>
[GenerateClient("Forms/form-bodies.yaml")]
public partial class FormClient
{
}
