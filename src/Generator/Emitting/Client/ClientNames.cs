using System.Text;
using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;

namespace Tether.Generator.Emitting.Client;

/// <summary>
/// The names of the client's generated companions (options, base class, operation groups) and the environment
/// variables that hold its keys. The rules are deliberately simple so that they can be documented in one sentence each.
/// </summary>
internal sealed class ClientNames
{
    private const string ClientSuffix = "Client";

    public ClientNames(ClientTarget target)
    {
        var prefix = target.Namespace.Length == 0 ? "global::" : "global::" + target.Namespace + ".";
        ClientClass = target.ClassName;
        OptionsClass = target.ClassName + "Options";
        BaseClass = target.ClassName + "Base";
        ClientType = prefix + ClientClass;
        OptionsType = prefix + OptionsClass;
        BaseType = prefix + BaseClass;
        EnvironmentPrefix = EnvironmentPrefixOf(target.ClassName);
    }

    /// <summary>The user's partial class, e.g. <c>OpenAIClient</c>.</summary>
    public string ClientClass { get; }

    /// <summary><c>OpenAIClientOptions</c>.</summary>
    public string OptionsClass { get; }

    /// <summary><c>OpenAIClientBase</c>.</summary>
    public string BaseClass { get; }

    public string ClientType { get; }

    public string OptionsType { get; }

    public string BaseType { get; }

    /// <summary>
    /// The class name without a trailing <c>Client</c>, upper-cased with letters and digits only: <c>OpenAIClient</c> →
    /// <c>OPENAI</c>. Not split into words, so the usual product spellings come out (<c>OPENAI</c>, <c>GITHUB</c>).
    /// </summary>
    public string EnvironmentPrefix { get; }

    /// <summary>The nested class of a tag's operations: <c>Chat</c> → <c>ChatOperations</c>.</summary>
    public static string GroupClass(string group) => group + "Operations";

    /// <summary>The options property holding a scheme's token callback: <c>ApiKeyProvider</c>.</summary>
    public static string ProviderProperty(SecuritySchemeModel scheme) => scheme.PropertyName + "Provider";

    /// <summary>The options property naming the environment variable of a key property: <c>ApiKeyEnvironmentVariable</c>.</summary>
    public static string EnvironmentVariableProperty(SecuritySchemeModel scheme) => EnvironmentVariableProperty(scheme.PropertyName);

    /// <inheritdoc cref="EnvironmentVariableProperty(SecuritySchemeModel)"/>
    public static string EnvironmentVariableProperty(string property) => property + "EnvironmentVariable";

    /// <summary>The options property of a Basic scheme's user name: <c>AccountSidAuthTokenUserName</c>.</summary>
    public static string UserNameProperty(SecuritySchemeModel scheme) => scheme.PropertyName + "UserName";

    /// <summary>The options property of a Basic scheme's password: <c>AccountSidAuthTokenPassword</c>.</summary>
    public static string PasswordProperty(SecuritySchemeModel scheme) => scheme.PropertyName + "Password";

    /// <summary>The options properties that hold a scheme's secrets as plain strings (what configuration binds).</summary>
    public static string[] SecretProperties(SecuritySchemeModel scheme) => scheme.Kind == SecuritySchemeKind.Basic
        ? [UserNameProperty(scheme), PasswordProperty(scheme)]
        : [scheme.PropertyName];

    /// <summary>
    /// <c>{PREFIX}_{KEY PROPERTY IN UPPER SNAKE CASE}</c>: <c>ApiKey</c> → <c>OPENAI_API_KEY</c>, <c>AdminApiKey</c> →
    /// <c>OPENAI_ADMIN_API_KEY</c>.
    /// </summary>
    public string EnvironmentVariable(SecuritySchemeModel scheme)
    {
        var snake = UpperSnake(scheme.PropertyName);
        if (EnvironmentPrefix.Length == 0)
        {
            return snake;
        }

        return snake.Length == 0 ? EnvironmentPrefix : EnvironmentPrefix + "_" + snake;
    }

    private static string EnvironmentPrefixOf(string className)
    {
        var stem = className.Length > ClientSuffix.Length && className.EndsWith(ClientSuffix, System.StringComparison.Ordinal)
            ? className.Substring(0, className.Length - ClientSuffix.Length)
            : className;
        var builder = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            if (c < 128 && char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// <c>AdminApiKey</c> → <c>ADMIN_API_KEY</c>, <c>HTTPToken</c> → <c>HTTP_TOKEN</c>, <c>Key2</c> → <c>KEY2</c>: a word
    /// starts at an upper-case letter that follows a lower-case letter or digit, or that starts a capitalized word after
    /// an acronym. Characters that are not ASCII letters or digits separate words.
    /// </summary>
    internal static string UpperSnake(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c >= 128 || !char.IsLetterOrDigit(c))
            {
                AppendSeparator(builder);
                continue;
            }

            if (char.IsUpper(c) && i > 0)
            {
                var previous = name[i - 1];
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)))
                {
                    AppendSeparator(builder);
                }
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        while (builder.Length > 0 && builder[builder.Length - 1] == '_')
        {
            builder.Length--;
        }

        return builder.ToString();
    }

    private static void AppendSeparator(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[builder.Length - 1] != '_')
        {
            builder.Append('_');
        }
    }
}
