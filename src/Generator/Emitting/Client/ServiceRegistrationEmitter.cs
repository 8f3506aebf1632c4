using System.Linq;
using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;

namespace Tether.Generator.Emitting.Client;

/// <summary>
/// <c>services.Add{Client}(configuration)</c>, written only when the project references Tether.Extensions.Http: one
/// call registers the client with <c>IHttpClientFactory</c> on the keepalive transport, its settings and its keys
/// (named as the options' key properties, e.g. <c>ApiKey</c>) read from configuration without reflection.
/// </summary>
internal static class ServiceRegistrationEmitter
{
    public const string ExtensionsMarkerType = "Tether.TetherServiceCollectionExtensions";

    public static GeneratedFile Emit(EmitContext context, ClientNames names)
    {
        var writer = new SourceWriter(2048);
        FileHeader.Write(writer, context, context.Target.Namespace);
        var keys = context.Model.SecuritySchemes;

        writer.WriteLine("/// <summary>Registers <see cref=\"" + names.ClientType + "\"/> with dependency injection.</summary>");
        writer.WriteLine(context.Accessibility + " static partial class " + names.ClientClass + "ServiceCollectionExtensions");
        writer.OpenBlock();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Registers <see cref=\"" + names.ClientType + "\"/> as a typed <c>HttpClient</c> client: Tether's keepalive transport,");
        writer.WriteLine("/// no <c>HttpClient.Timeout</c> (the per-attempt timeout applies), and settings read from");
        writer.WriteLine("/// <paramref name=\"configuration\"/> each time a client is created: <c>BaseAddress</c>, <c>Timeout</c>,");
        writer.WriteLine("/// <c>MaxRetries</c>, <c>InitialRetryDelay</c>, <c>MaxRetryDelay</c>, <c>UserAgent</c>, <c>DefaultHeaders:*</c>,");
        // The secrets the options hold as plain strings: each scheme's key, and the webhook secret when there are webhooks.
        var secrets = keys.SelectMany(ClientNames.SecretProperties).ToList();
        if (context.Model.Webhooks is not null)
        {
            secrets.Add(WebhookReceiverEmitter.SecretProperty);
        }

        writer.WriteLine("/// <c>KeepAlive:*</c>" + string.Concat(secrets.Select(name => ", <c>" + name + "</c>"))
            + " (see <see cref=\"global::Tether.TetherClientConfiguration\"/>).");
        writer.WriteLine("/// A key not in configuration comes from its environment variable, as with <c>new " + names.ClientClass + "()</c>.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"services\">The service collection.</param>");
        writer.WriteLine("/// <param name=\"configuration\">The client's section, e.g. <c>builder.Configuration.GetSection(\"" + names.ClientClass + "\")</c>.</param>");
        writer.WriteLine("/// <returns>The builder, to add handlers or further configuration.</returns>");
        writer.WriteLine("public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add" + names.ClientClass + "(");
        writer.WriteLine("    this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services,");
        writer.WriteLine("    global::Microsoft.Extensions.Configuration.IConfiguration configuration)");
        writer.OpenBlock();
        writer.WriteLine("return global::" + ExtensionsMarkerType + ".AddTetherClient<" + names.ClientType + ", " + names.OptionsType + ">(");
        writer.WriteLine("    services,");
        writer.WriteLine("    configuration,");
        writer.WriteLine("    static (httpClient, options) => new " + names.ClientType + "(httpClient, options),");
        if (secrets.Count == 0)
        {
            writer.WriteLine("    null);");
        }
        else
        {
            writer.WriteLine("    static (options, section) =>");
            writer.WriteLine("    {");
            for (var i = 0; i < secrets.Count; i++)
            {
                var name = secrets[i];
                if (i > 0)
                {
                    writer.WriteLine();
                }

                writer.WriteLine("        if (section[" + CSharpLiteral.String(name) + "] is { Length: > 0 } " + Local(name) + ")");
                writer.WriteLine("        {");
                writer.WriteLine("            options." + name + " = " + Local(name) + ";");
                writer.WriteLine("        }");
            }

            writer.WriteLine("    });");
        }

        writer.CloseBlock();
        writer.CloseBlock();
        return new GeneratedFile(context.HintNamePrefix + ".ServiceCollectionExtensions.g.cs", writer.ToString());
    }

    private static string Local(string property) => "@" + char.ToLowerInvariant(property[0]) + property.Substring(1);
}
