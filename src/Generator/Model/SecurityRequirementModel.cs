namespace Tether.Generator.Model;

/// <summary>
/// An operation's <c>security</c>: alternatives (any one will do, OR), each the schemes sent together (AND), plus
/// whether the spec also allows no credentials (a <c>{}</c> alternative). Only alternatives whose schemes the client
/// can send are kept.
/// </summary>
internal sealed record SecurityRequirementModel(EquatableArray<SecurityAlternativeModel> Alternatives, bool AllowsAnonymous)
{
    /// <summary>The scheme when the requirement is exactly one scheme and nothing else, else null.</summary>
    public string? SingleScheme =>
        !AllowsAnonymous && Alternatives.Count == 1 && Alternatives[0].Schemes.Count == 1 ? Alternatives[0].Schemes[0] : null;

    /// <summary>A requirement of one scheme, or null for none.</summary>
    public static SecurityRequirementModel? Of(string? scheme) => scheme is null
        ? null
        : new SecurityRequirementModel(new[] { new SecurityAlternativeModel(new[] { scheme }.ToEquatableArray()) }.ToEquatableArray(), AllowsAnonymous: false);
}

/// <summary>One alternative of a requirement: the schemes sent together, in the spec's order.</summary>
internal sealed record SecurityAlternativeModel(EquatableArray<string> Schemes);
