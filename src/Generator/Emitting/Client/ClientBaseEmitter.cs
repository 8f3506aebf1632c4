using System.Linq;
using Tether.Generator.Model;
using Tether.Generator.Planning;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;

namespace Tether.Generator.Emitting.Client;

/// <summary>
/// <c>abstract class {Client}Base : IDisposable</c>, which the user's partial class derives from: it owns the
/// <c>TetherPipeline</c> (built on <c>TcpKeepAlive.CreateHandler(options.KeepAlive)</c> unless the caller passes an
/// <c>HttpClient</c> or handler, which is then used exactly as given), snapshots the keys, and holds the small helpers
/// the operation methods share (JSON text of parameters, form fields, the stream flag), so that each method stays short.
/// </summary>
internal static class ClientBaseEmitter
{
    public static GeneratedFile Emit(EmitContext context, ClientNames names)
    {
        var writer = new SourceWriter(16 * 1024);
        FileHeader.Write(writer, context, context.Target.Namespace);
        var schemes = context.Model.SecuritySchemes;
        var security = SecurityTables.Of(context.Model);
        var hasDefaultAddress = ClientOptionsEmitter.DefaultBaseAddress(context.Model.DefaultServerUrl) is not null;

        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The generated core of <see cref=\"" + names.ClientType + "\"/>: its request pipeline (TCP keepalive on every");
        writer.WriteLine("/// connection, per-attempt timeouts, retries, typed errors) and credentials. Thread-safe: build one client and keep it");
        writer.WriteLine("/// for the application's lifetime.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(context.Accessibility + " abstract class " + names.BaseClass + " : global::System.IDisposable");
        writer.OpenBlock();
        var webhooks = context.Model.Webhooks is not null;
        if (webhooks)
        {
            writer.WriteLine("private protected readonly string? " + WebhookReceiverEmitter.SecretField + ";");
            writer.WriteLine("private protected readonly string? " + WebhookReceiverEmitter.SecretVariableField + ";");
            writer.WriteLine("private protected readonly global::System.TimeSpan " + WebhookReceiverEmitter.ToleranceField + ";");
        }

        if (webhooks)
        {
            writer.WriteLine();
        }

        WriteConstructors(writer, names, security, schemes, hasDefaultAddress, webhooks);

        writer.WriteLine();
        writer.WriteLine("/// <summary>Sends the requests: the same pipeline the generated operations use, for calls of your own.</summary>");
        writer.WriteLine("protected " + RuntimeTypes.Pipeline + " Pipeline { get; }");

        foreach (var scheme in schemes)
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>");
            if (scheme.Kind == SecuritySchemeKind.Basic)
            {
                writer.WriteLine("/// The " + XmlDoc.Code(scheme.Name) + " credential (HTTP Basic), read before the call: <see cref=\"" + names.OptionsType + "." + ClientNames.UserNameProperty(scheme) + "\"/> and");
                writer.WriteLine("/// <see cref=\"" + names.OptionsType + "." + ClientNames.PasswordProperty(scheme) + "\"/>, else their environment variables.");
            }
            else
            {
                writer.WriteLine("/// The " + XmlDoc.Code(scheme.Name) + " credential, asked before every attempt: <see cref=\"" + names.OptionsType + "." + ClientNames.ProviderProperty(scheme) + "\"/>, else");
                writer.WriteLine("/// <see cref=\"" + names.OptionsType + "." + scheme.PropertyName + "\"/>, else the environment variable named by <see cref=\"" + names.OptionsType + "." + ClientNames.EnvironmentVariableProperty(scheme) + "\"/>.");
            }

            writer.WriteLine("/// For calls of your own through <see cref=\"Pipeline\"/> (<c>TetherRequest.Credential</c>).");
            writer.WriteLine("/// </summary>");
            writer.WriteLine("protected " + CredentialType(scheme) + " " + ClientMemberNames.Credential(scheme) + " { get; }");
        }

        foreach (var (requirement, property) in security.Requirements)
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// The security requirement " + XmlDoc.Escape(Describe(requirement)) + ": the first alternative whose credentials are all");
            writer.WriteLine(requirement.AllowsAnonymous
                ? "/// configured is sent, else none. For calls of your own through <see cref=\"Pipeline\"/> (<c>TetherRequest.Security</c>)."
                : "/// configured is sent. For calls of your own through <see cref=\"Pipeline\"/> (<c>TetherRequest.Security</c>).");
            writer.WriteLine("/// </summary>");
            writer.WriteLine("protected " + RuntimeTypes.Security + " " + property + " { get; }");
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>Releases the transport the client built; a caller's <c>HttpClient</c> or handler is left alone.</summary>");
        writer.WriteLine("public void Dispose()");
        writer.OpenBlock();
        writer.WriteLine("Dispose(disposing: true);");
        writer.WriteLine("global::System.GC.SuppressFinalize(this);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Releases the pipeline; override to release resources of your own, calling this method too.</summary>");
        writer.WriteLine("/// <param name=\"disposing\"><see langword=\"true\"/> from <see cref=\"Dispose()\"/>.</param>");
        writer.WriteLine("protected virtual void Dispose(bool disposing)");
        writer.OpenBlock();
        writer.WriteLine("if (disposing)");
        writer.OpenBlock();
        writer.WriteLine("Pipeline.Dispose();");
        writer.CloseBlock();
        writer.CloseBlock();

        writer.CloseBlock();
        return new GeneratedFile(context.HintNamePrefix + ".ClientBase.g.cs", writer.ToString());
    }

    private static void WriteConstructors(SourceWriter writer, ClientNames names, SecurityTables security, EquatableArray<SecuritySchemeModel> schemes, bool hasDefaultAddress, bool webhooks)
    {
        var options = names.OptionsType;
        writer.WriteLine("/// <summary>Builds the client on a new keepalive transport (<c>TcpKeepAlive.CreateHandler(options.KeepAlive)</c>), owned by the client.</summary>");
        writer.WriteLine("/// <param name=\"options\">The settings, read now.</param>");
        writer.WriteLine("protected " + names.BaseClass + "(" + options + " options)");
        writer.OpenBlock();
        writer.WriteLine(RuntimeTypes.ArgumentNullException + ".ThrowIfNull(options);");
        WriteKeySnapshot(writer, names, security, schemes, webhooks);
        writer.WriteLine("Pipeline = new " + RuntimeTypes.Pipeline + "(options);");
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Builds the client on the caller's <paramref name=\"httpClient\"/>, used exactly as given and not disposed by the client");
        writer.WriteLine("/// (its own <c>Timeout</c> also applies; set it to <c>Timeout.InfiniteTimeSpan</c> for long calls).");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"httpClient\">The client to send through.</param>");
        writer.WriteLine("/// <param name=\"options\">The settings, read now; when <see langword=\"null\"/>, the defaults with the base address of <paramref name=\"httpClient\"/> if it has one.</param>");
        writer.WriteLine("protected " + names.BaseClass + "(" + RuntimeTypes.HttpClient + " httpClient, " + options + "? options)");
        writer.OpenBlock();
        writer.WriteLine(RuntimeTypes.ArgumentNullException + ".ThrowIfNull(httpClient);");
        writer.WriteLine(hasDefaultAddress
            ? "options ??= new " + options + " { BaseAddress = httpClient.BaseAddress ?? " + options + ".DefaultBaseAddress };"
            : "options ??= new " + options + " { BaseAddress = httpClient.BaseAddress };");
        WriteKeySnapshot(writer, names, security, schemes, webhooks);
        writer.WriteLine("Pipeline = new " + RuntimeTypes.Pipeline + "(options, httpClient);");
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine("/// <summary>Builds the client on the caller's <paramref name=\"handler\"/>, used exactly as given and not disposed by the client.</summary>");
        writer.WriteLine("/// <param name=\"handler\">The handler to send through (it decides about keepalive, proxies and connection limits).</param>");
        writer.WriteLine("/// <param name=\"options\">The settings, read now; the defaults when <see langword=\"null\"/>.</param>");
        writer.WriteLine("protected " + names.BaseClass + "(" + RuntimeTypes.HttpMessageHandler + " handler, " + options + "? options)");
        writer.OpenBlock();
        writer.WriteLine(RuntimeTypes.ArgumentNullException + ".ThrowIfNull(handler);");
        writer.WriteLine("options ??= new " + options + "();");
        WriteKeySnapshot(writer, names, security, schemes, webhooks);
        writer.WriteLine("Pipeline = new " + RuntimeTypes.Pipeline + "(options, handler);");
        writer.CloseBlock();
    }

    private static void WriteKeySnapshot(SourceWriter writer, ClientNames names, SecurityTables security, EquatableArray<SecuritySchemeModel> schemes, bool webhooks)
    {
        foreach (var scheme in schemes)
        {
            writer.WriteLine(ClientMemberNames.Credential(scheme) + " = " + NewCredential(names, scheme) + ";");
        }

        foreach (var (requirement, property) in security.Requirements)
        {
            var alternatives = requirement.Alternatives.Select(alternative =>
                "new " + RuntimeTypes.Credential + "[] { " + string.Join(", ", alternative.Schemes.Select(name => ClientMemberNames.Credential(security.Schemes[name]))) + " }");
            writer.WriteLine(property + " = new " + RuntimeTypes.Security + "(" + (requirement.AllowsAnonymous ? "true" : "false") + ", " + string.Join(", ", alternatives) + ");");
        }

        if (webhooks)
        {
            writer.WriteLine(WebhookReceiverEmitter.SecretField + " = options." + WebhookReceiverEmitter.SecretProperty + ";");
            writer.WriteLine(WebhookReceiverEmitter.SecretVariableField + " = options." + WebhookReceiverEmitter.SecretVariableProperty + ";");
            writer.WriteLine(WebhookReceiverEmitter.ToleranceField + " = options." + WebhookReceiverEmitter.ToleranceProperty + ";");
        }
    }

    private static string CredentialType(SecuritySchemeModel scheme) => scheme.Kind switch
    {
        SecuritySchemeKind.Basic => RuntimeTypes.BasicCredential,
        SecuritySchemeKind.ApiKeyHeader or SecuritySchemeKind.ApiKeyQuery or SecuritySchemeKind.ApiKeyCookie => RuntimeTypes.KeyCredential,
        _ => RuntimeTypes.BearerCredential,
    };

    private static string NewCredential(ClientNames names, SecuritySchemeModel scheme)
    {
        var setting = CSharpLiteral.String(names.OptionsClass + "." + scheme.PropertyName);
        var sources = "options." + scheme.PropertyName + ", options." + ClientNames.EnvironmentVariableProperty(scheme) + ", options." + ClientNames.ProviderProperty(scheme) + ", " + setting;
        return scheme.Kind switch
        {
            SecuritySchemeKind.Basic => "new " + RuntimeTypes.BasicCredential + "(options." + ClientNames.UserNameProperty(scheme) + ", options." + ClientNames.PasswordProperty(scheme)
                + ", options." + ClientNames.EnvironmentVariableProperty(ClientNames.UserNameProperty(scheme)) + ", options." + ClientNames.EnvironmentVariableProperty(ClientNames.PasswordProperty(scheme)) + ", " + setting + ")",
            SecuritySchemeKind.ApiKeyHeader => NewKey(scheme, "Header", sources),
            SecuritySchemeKind.ApiKeyQuery => NewKey(scheme, "Query", sources),
            SecuritySchemeKind.ApiKeyCookie => NewKey(scheme, "Cookie", sources),
            _ => "new " + RuntimeTypes.BearerCredential + "(" + sources + ")",
        };
    }

    private static string NewKey(SecuritySchemeModel scheme, string location, string sources) =>
        "new " + RuntimeTypes.KeyCredential + "(" + CSharpLiteral.String(scheme.ParameterName!) + ", " + RuntimeTypes.KeyLocation + "." + location + ", " + sources + ")";

    /// <summary><c>A and B, or C, or none</c>, in scheme names.</summary>
    private static string Describe(SecurityRequirementModel requirement) =>
        string.Join(", or ", requirement.Alternatives.Select(alternative => string.Join(" and ", alternative.Schemes)))
        + (requirement.AllowsAnonymous ? ", or none" : string.Empty);
}
