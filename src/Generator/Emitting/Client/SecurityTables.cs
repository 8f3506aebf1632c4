using System.Collections.Generic;
using System.Linq;
using Tether.Generator.Model;
using Tether.Generator.Planning;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;

namespace Tether.Generator.Emitting.Client;

/// <summary>
/// The client's requirements that are more than one scheme (alternatives, schemes sent together, or a scheme the call
/// may also go without): each becomes one <c>TetherSecurity</c> property of the base class, built once from the
/// credentials, which the operations that share the requirement hand to the pipeline. A requirement of exactly one
/// scheme sends that scheme's credential directly.
/// </summary>
internal sealed class SecurityTables
{
    private readonly Dictionary<SecurityRequirementModel, string> _names = new();

    public SecurityTables(ApiModel model, IReadOnlyDictionary<string, SecuritySchemeModel> schemes)
    {
        Schemes = schemes;
        foreach (var operation in model.Operations)
        {
            if (operation.Security is { SingleScheme: null } requirement && !_names.ContainsKey(requirement))
            {
                var name = ClientMemberNames.Requirement(requirement, schemes);
                _names.Add(requirement, name);
                Requirements.Add((requirement, name));
            }
        }
    }

    public IReadOnlyDictionary<string, SecuritySchemeModel> Schemes { get; }

    /// <summary>The requirements in the order their first operation appears, with their property names.</summary>
    public List<(SecurityRequirementModel Requirement, string PropertyName)> Requirements { get; } = new();

    public static SecurityTables Of(ApiModel model) =>
        new(model, model.SecuritySchemes.ToDictionary(scheme => scheme.Name, scheme => scheme, System.StringComparer.Ordinal));

    /// <summary>The base-class property of a requirement of more than one scheme.</summary>
    public string PropertyOf(SecurityRequirementModel requirement) => _names[requirement];

    /// <summary>Every credential of the requirement, once each, in order.</summary>
    public IEnumerable<SecuritySchemeModel> SchemesOf(SecurityRequirementModel requirement) =>
        requirement.Alternatives.SelectMany(alternative => alternative.Schemes).Distinct().Select(name => Schemes[name]);
}
