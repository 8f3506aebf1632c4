using System;
using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;

namespace Tether.Generator.Emitting.Client;

/// <summary>
/// <c>{Client}Options : TetherClientOptions</c>: the runtime's settings (timeout, retries, keepalive, headers) plus what
/// the spec adds: the default base address (its first server) and, per bearer security scheme, a key property and
/// the name of the environment variable the key is read from when the property is not set.
/// </summary>
internal static class ClientOptionsEmitter
{
    public static GeneratedFile Emit(EmitContext context, ClientNames names)
    {
        var writer = new SourceWriter(4096);
        FileHeader.Write(writer, context, context.Target.Namespace);
        var model = context.Model;
        var defaultAddress = DefaultBaseAddress(model.DefaultServerUrl);

        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Settings of <see cref=\"" + names.ClientType + "\"/>: service address, keys, per-attempt timeout (10 minutes by");
        writer.WriteLine("/// default), retries, TCP keepalive and default headers. The client reads them once, when it is built.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(context.Accessibility + " sealed partial class " + names.OptionsClass + " : " + RuntimeTypes.ClientOptions);
        writer.OpenBlock();

        if (defaultAddress is not null)
        {
            writer.WriteLine("/// <summary>The service address the OpenAPI description names first: " + XmlDoc.Code(defaultAddress) + ".</summary>");
            writer.WriteLine("public static " + RuntimeTypes.Uri + " DefaultBaseAddress { get; } = new " + RuntimeTypes.Uri + "(" + CSharpLiteral.String(defaultAddress) + ");");
            writer.WriteLine();
        }

        writer.WriteLine("/// <summary>");
        writer.WriteLine(defaultAddress is not null
            ? "/// Creates the default settings: <see cref=\"DefaultBaseAddress\"/> as the base address, and keys read from the"
            : "/// Creates the default settings: no base address (set <see cref=\"" + RuntimeTypes.ClientOptions + ".BaseAddress\"/>), and keys read from the");
        writer.WriteLine("/// environment variables named below when they are not set here.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("public " + names.OptionsClass + "()");
        writer.OpenBlock();
        if (defaultAddress is not null)
        {
            writer.WriteLine("BaseAddress = DefaultBaseAddress;");
        }

        writer.CloseBlock();

        foreach (var scheme in model.SecuritySchemes)
        {
            if (scheme.Kind == SecuritySchemeKind.Basic)
            {
                WriteBasicOptions(writer, names, scheme);
            }
            else
            {
                WriteKeyOptions(writer, names, scheme);
            }
        }

        if (model.Webhooks is not null)
        {
            WriteWebhookOptions(writer, names);
        }

        writer.CloseBlock();
        return new GeneratedFile(context.HintNamePrefix + ".ClientOptions.g.cs", writer.ToString());
    }

    /// <summary>Where the scheme's secret goes, for the docs: <c>Authorization: Bearer …</c>, the <c>api-key</c> header.</summary>
    private static string Placement(SecuritySchemeModel scheme) => scheme.Kind switch
    {
        SecuritySchemeKind.ApiKeyHeader => "in the " + XmlDoc.Code(scheme.ParameterName!) + " header",
        SecuritySchemeKind.ApiKeyQuery => "as the " + XmlDoc.Code(scheme.ParameterName!) + " query parameter (redacted from messages, logs and traces)",
        SecuritySchemeKind.ApiKeyCookie => "as the " + XmlDoc.Code(scheme.ParameterName!) + " cookie",
        SecuritySchemeKind.OAuth2 => "as <c>Authorization: Bearer …</c> (an OAuth 2 access token you obtain)",
        SecuritySchemeKind.OpenIdConnect => "as <c>Authorization: Bearer …</c> (an OpenID Connect token you obtain)",
        _ => "as <c>Authorization: Bearer …</c>",
    };

    private static void WriteKeyOptions(SourceWriter writer, ClientNames names, SecuritySchemeModel scheme)
    {
        var variable = names.EnvironmentVariable(scheme);
        var variableProperty = ClientNames.EnvironmentVariableProperty(scheme);
        var secret = scheme.SendsBearer ? "token" : "key";
        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The " + (scheme.Kind is SecuritySchemeKind.OAuth2 or SecuritySchemeKind.OpenIdConnect ? "token" : "key") + " sent " + Placement(scheme) + " by the operations that use the " + XmlDoc.Code(scheme.Name) + " scheme.");
        writer.WriteLine("/// When <see langword=\"null\"/> or blank, each call reads it from the environment variable named by");
        writer.WriteLine("/// <see cref=\"" + variableProperty + "\"/>. Never part of an exception message or log line.");
        writer.WriteLine("/// </summary>");
        WriteRemarks(writer, scheme);
        writer.WriteLine("public string? " + scheme.PropertyName + " { get; set; }");
        WriteVariableOption(writer, variableProperty, scheme.PropertyName, variable, "the key property's name in upper snake case");
        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// A callback returning the current " + secret + ", asked before every attempt (so a retry gets a fresh one): for tokens that");
        writer.WriteLine("/// expire (Entra ID, OAuth). Takes precedence over <see cref=\"" + scheme.PropertyName + "\"/>; it should cache. An exception it throws");
        writer.WriteLine("/// surfaces as <c>TetherCredentialException</c>, before the attempt is sent.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("public global::System.Func<global::System.Threading.CancellationToken, global::System.Threading.Tasks.ValueTask<string>>? " + ClientNames.ProviderProperty(scheme) + " { get; set; }");
    }

    private static void WriteBasicOptions(SourceWriter writer, ClientNames names, SecuritySchemeModel scheme)
    {
        var stem = names.EnvironmentVariable(scheme);
        foreach (var (property, part, suffix) in new[] { (ClientNames.UserNameProperty(scheme), "user name", "_USERNAME"), (ClientNames.PasswordProperty(scheme), "password", "_PASSWORD") })
        {
            var variableProperty = ClientNames.EnvironmentVariableProperty(property);
            writer.WriteLine();
            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// The " + part + " sent as <c>Authorization: Basic …</c> (base64 of <c>user:password</c>) by the operations that use the");
            writer.WriteLine("/// " + XmlDoc.Code(scheme.Name) + " scheme. When <see langword=\"null\"/> or blank, each call reads it from the environment variable named by");
            writer.WriteLine("/// <see cref=\"" + variableProperty + "\"/>." + (suffix == "_PASSWORD" ? " Never part of an exception message or log line." : string.Empty));
            writer.WriteLine("/// </summary>");
            WriteRemarks(writer, scheme);
            writer.WriteLine("public string? " + property + " { get; set; }");
            WriteVariableOption(writer, variableProperty, property, stem + suffix, "the scheme's property name in upper snake case, then " + XmlDoc.Code(suffix));
        }
    }

    private static void WriteRemarks(SourceWriter writer, SecuritySchemeModel scheme)
    {
        if (ClientDocs.HasText(scheme.Description))
        {
            XmlDoc.WriteElement(writer, "remarks", "remarks", scheme.Description, string.Empty);
        }
    }

    private static void WriteVariableOption(SourceWriter writer, string variableProperty, string property, string variable, string rule)
    {
        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The environment variable that holds the " + (property.EndsWith("UserName", StringComparison.Ordinal) ? "user name" : property.EndsWith("Password", StringComparison.Ordinal) ? "password" : "key") + " when <see cref=\"" + property + "\"/> is not set: " + XmlDoc.Code(variable) + " by default");
        writer.WriteLine("/// (the client class name without <c>Client</c>, upper-cased, then " + rule + ").");
        writer.WriteLine("/// <see langword=\"null\"/> reads no environment variable.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("public string? " + variableProperty + " { get; set; } = " + CSharpLiteral.String(variable) + ";");
    }

    private static void WriteWebhookOptions(SourceWriter writer, ClientNames names)
    {
        var variable = WebhookReceiverEmitter.SecretVariable(names);
        var tolerance = WebhookReceiverEmitter.ToleranceProperty;
        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The signing secret of your webhook endpoint (<c>whsec_…</c>), used when <c>Unwrap</c>/<c>VerifySignature</c> get none.");
        writer.WriteLine("/// When <see langword=\"null\"/> or blank, the environment variable named by <see cref=\"" + WebhookReceiverEmitter.SecretVariableProperty + "\"/> is read.");
        writer.WriteLine("/// Never part of an exception message.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("public string? " + WebhookReceiverEmitter.SecretProperty + " { get; set; }");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The environment variable that holds the webhook secret: " + XmlDoc.Code(variable) + " by default; <see langword=\"null\"/> reads none.</summary>");
        writer.WriteLine("public string? " + WebhookReceiverEmitter.SecretVariableProperty + " { get; set; } = " + CSharpLiteral.String(variable) + ";");
        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// How far a webhook's <c>webhook-timestamp</c> may be from now, either way, before the delivery is rejected as a replay");
        writer.WriteLine("/// or a forgery: 5 minutes by default. Must be positive.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("public global::System.TimeSpan " + tolerance);
        writer.OpenBlock();
        writer.WriteLine("get => _webhookTolerance;");
        writer.WriteLine("set => _webhookTolerance = value > global::System.TimeSpan.Zero ? value : throw new global::System.ArgumentOutOfRangeException(nameof(" + tolerance + "), value, \"The webhook tolerance must be positive.\");");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("private global::System.TimeSpan _webhookTolerance = global::Tether.WebhookSignature.DefaultTolerance;");
    }

    /// <summary>The first server's URL when it is a usable absolute HTTP(S) address (no variables, query or fragment).</summary>
    internal static string? DefaultBaseAddress(string? serverUrl)
    {
        if (serverUrl is null || serverUrl.IndexOf('{') >= 0
            || !Uri.TryCreate(serverUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != "http" && uri.Scheme != "https")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return null;
        }

        return serverUrl;
    }
}
