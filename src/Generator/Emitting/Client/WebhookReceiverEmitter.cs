using Tether.Generator.Model;
using Tether.Generator.Planning;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;

namespace Tether.Generator.Emitting.Client;

/// <summary>
/// For a spec with <c>webhooks</c>: <c>client.Webhooks</c>, a nested <c>WebhookReceiver</c> deriving from the
/// runtime's <c>WebhookReceiver&lt;TEvent&gt;</c> (which verifies Standard Webhooks signatures), over the event union.
/// The options it reads (secret, its environment variable, tolerance) are written by <see cref="ClientOptionsEmitter"/>
/// and snapshot by <see cref="ClientBaseEmitter"/>.
/// </summary>
internal static class WebhookReceiverEmitter
{
    public const string SecretProperty = "WebhookSecret";
    public const string SecretVariableProperty = "WebhookSecretEnvironmentVariable";
    public const string ToleranceProperty = "WebhookTolerance";

    public const string SecretField = "_webhookSecret";
    public const string SecretVariableField = "_webhookSecretEnvironmentVariable";
    public const string ToleranceField = "_webhookTolerance";

    /// <summary><c>{PREFIX}_WEBHOOK_SECRET</c>: <c>OPENAI_WEBHOOK_SECRET</c>.</summary>
    public static string SecretVariable(ClientNames names) =>
        names.EnvironmentPrefix.Length == 0 ? "WEBHOOK_SECRET" : names.EnvironmentPrefix + "_WEBHOOK_SECRET";

    public static GeneratedFile Emit(EmitContext context, ClientNames names, WebhookSetModel webhooks, OperationTypeInfoRegistry typeInfos)
    {
        var writer = new SourceWriter(4096);
        FileHeader.Write(writer, context, context.Target.Namespace);
        var eventType = TypeNames.Of(webhooks.EventType, context);
        var property = ClientMemberNames.WebhookProperty(context.Model.Operations);
        var typeInfo = typeInfos.For(webhooks.EventType);

        writer.WriteLine("partial class " + names.ClientClass);
        writer.OpenBlock();
        writer.WriteLine("private " + ClientMemberNames.WebhookReceiverClass + "? _webhookReceiver;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Verifies and reads the webhooks the service sends (Standard Webhooks signatures): <c>" + property + ".Unwrap(body, headers)</c>");
        writer.WriteLine("/// returns the typed <see cref=\"" + eventType + "\"/>.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("public " + ClientMemberNames.WebhookReceiverClass + " " + property + " => _webhookReceiver ??= new " + ClientMemberNames.WebhookReceiverClass + "(" + SecretField + ", " + SecretVariableField + ", " + ToleranceField + ");");
        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Receives the service's webhooks. Each delivery's <c>webhook-signature</c> is checked against the secret (the argument,");
        writer.WriteLine("/// else <see cref=\"" + names.OptionsType + "." + SecretProperty + "\"/>, else the environment variable) and its timestamp against");
        writer.WriteLine("/// <see cref=\"" + names.OptionsType + "." + ToleranceProperty + "\"/>; the body is then read as <see cref=\"" + eventType + "\"/>.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <remarks>");
        writer.WriteLine("/// The webhooks of the OpenAPI description:");
        writer.WriteLine("/// <list type=\"bullet\">");
        foreach (var webhook in webhooks.Webhooks)
        {
            var summary = ClientDocs.HasText(webhook.Description) ? " — " + XmlDoc.Escape(FirstLine(webhook.Description!)) : string.Empty;
            writer.WriteLine("/// <item><description>" + XmlDoc.Code(webhook.Name) + ": <see cref=\"" + TypeNames.Of(webhook.Payload, context) + "\"/>" + summary + "</description></item>");
        }

        writer.WriteLine("/// </list>");
        writer.WriteLine("/// </remarks>");
        writer.WriteLine("public sealed class " + ClientMemberNames.WebhookReceiverClass + " : global::Tether.WebhookReceiver<" + eventType + ">");
        writer.OpenBlock();
        writer.WriteLine("internal " + ClientMemberNames.WebhookReceiverClass + "(string? secret, string? secretEnvironmentVariable, global::System.TimeSpan tolerance)");
        writer.WriteLine("    : base(secret, secretEnvironmentVariable, " + CSharpLiteral.String(names.OptionsClass + "." + SecretProperty) + ", tolerance)");
        writer.OpenBlock();
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine("protected override " + eventType + "? Read(global::System.ReadOnlySpan<byte> json) =>");
        writer.WriteLine("    global::System.Text.Json.JsonSerializer.Deserialize(json, " + typeInfo + ");");
        writer.CloseBlock();
        writer.CloseBlock();
        return new GeneratedFile(context.HintNamePrefix + ".Webhooks.g.cs", writer.ToString());
    }

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var end = trimmed.IndexOf('\n');
        return end < 0 ? trimmed : trimmed.Substring(0, end).Trim();
    }
}
