using System.Collections.Generic;
using System.Linq;
using Tether.Generator.Model;

namespace Tether.Generator.Planning;

/// <summary>
/// The names of the client's members that are not operations, which the planner keeps the operations' derived methods
/// off. Those that come from the spec (webhook receiver, credentials, security tables) and the AI adapters' methods are
/// spelled only here, for the planner and the emitters alike; <c>Pipeline</c>, <c>Dispose</c> and <c>JsonOptions</c>
/// are the fixed members the base class and the client declare in their text.
/// </summary>
internal static class ClientMemberNames
{
    public const string Pipeline = "Pipeline";
    public const string Dispose = "Dispose";
    public const string JsonOptions = "JsonOptions";
    public const string WebhookReceiverClass = "WebhookReceiver";
    public const string ChatClientMethod = "AsIChatClient";
    public const string EmbeddingGeneratorMethod = "AsIEmbeddingGenerator";

    /// <summary><c>Webhooks</c>, unless a tag already gives the client a property of that name.</summary>
    public static string WebhookProperty(IEnumerable<OperationModel> operations) =>
        operations.Any(operation => operation.Group == "Webhooks") ? "WebhookEvents" : "Webhooks";

    /// <summary>The base-class property holding a scheme's credential.</summary>
    public static string Credential(SecuritySchemeModel scheme) => scheme.PropertyName + "Credential";

    /// <summary><c>{A}And{B}Or{C}Security</c>, with <c>OrAnonymous</c> when the call may go without.</summary>
    public static string Requirement(SecurityRequirementModel requirement, IReadOnlyDictionary<string, SecuritySchemeModel> schemes) =>
        string.Join("Or", requirement.Alternatives.Select(alternative => string.Join("And", alternative.Schemes.Select(name => schemes[name].PropertyName))))
        + (requirement.AllowsAnonymous ? "OrAnonymous" : string.Empty) + "Security";

    /// <summary>
    /// Every member of the client class besides its own operations: an untagged operation's derived method must not
    /// take one. The Microsoft.Extensions.AI adapters' methods are kept free whether or not they are generated, so that
    /// referencing the package never renames an operation.
    /// </summary>
    public static IEnumerable<string> Of(ApiModel model)
    {
        yield return Pipeline;
        yield return Dispose;
        yield return JsonOptions;
        yield return ChatClientMethod;
        yield return EmbeddingGeneratorMethod;
        foreach (var group in model.Operations.Select(operation => operation.Group).OfType<string>().Distinct())
        {
            yield return group;
        }

        if (model.Webhooks is not null)
        {
            yield return WebhookProperty(model.Operations);
            yield return WebhookReceiverClass;
        }

        var schemes = model.SecuritySchemes.ToDictionary(scheme => scheme.Name, scheme => scheme, System.StringComparer.Ordinal);
        foreach (var scheme in model.SecuritySchemes)
        {
            yield return Credential(scheme);
        }

        foreach (var operation in model.Operations)
        {
            if (operation.Security is { SingleScheme: null } requirement)
            {
                yield return Requirement(requirement, schemes);
            }
        }
    }
}
