using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Tether.Generator.Diagnostics;
using Tether.Generator.Model;
using Tether.Generator.Reading;
using JsonPointer = Tether.Generator.Reading.JsonPointer;

namespace Tether.Generator.Translating;

/// <summary>
/// Security schemes → the credentials the client exposes (bearer, apiKey in header/query/cookie, basic, oauth2 and
/// openIdConnect as bearer tokens), and for each operation its requirement: the operation's own <c>security</c> when
/// present (an empty list means none), else the document's. Alternatives naming a scheme the client cannot send are
/// left out, with a located diagnostic.
/// </summary>
internal sealed class SecurityTranslator(DiagnosticBag diagnostics)
{
    private const string SchemesPointer = "#/components/securitySchemes";

    private readonly Dictionary<string, SecuritySchemeModel> _schemes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unsendable = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    public EquatableArray<SecuritySchemeModel> Schemes(OpenApiDocument document)
    {
        if (document.Components?.SecuritySchemes is not { } schemes)
        {
            return EquatableArray<SecuritySchemeModel>.Empty;
        }

        var result = new List<SecuritySchemeModel>();
        var names = new NameScope();
        foreach (var pair in schemes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var pointer = JsonPointer.Append(SchemesPointer, pair.Key);
            if (pair.Value is not { } scheme || Translate(pair.Key, scheme, pointer) is not { } kind)
            {
                _unsendable.Add(pair.Key);
                continue;
            }

            var wanted = IdentifierRules.SecurityPropertyName(pair.Key);
            var property = ClaimProperty(names, wanted, kind.Kind);
            if (property != wanted)
            {
                diagnostics.Add(DiagnosticDescriptors.DuplicateName, pointer, wanted, pointer, property);
            }

            var model = new SecuritySchemeModel(pair.Key, property, scheme.Description, kind.Kind, kind.ParameterName);
            _schemes.Add(pair.Key, model);
            result.Add(model);
        }

        return result.ToEquatableArray();
    }

    /// <summary>The document-wide requirement, if any.</summary>
    public SecurityRequirementModel? DefaultSecurity(OpenApiDocument document) => Requirement(document.Security, "#/security");

    public SecurityRequirementModel? SecurityFor(OpenApiOperation operation, OpenApiDocument document, string operationPointer)
        => operation.Security is not null
            ? Requirement(operation.Security, operationPointer + "/security")
            : Requirement(document.Security, "#/security");

    private (SecuritySchemeKind Kind, string? ParameterName)? Translate(string name, IOpenApiSecurityScheme scheme, string pointer)
    {
        switch (scheme.Type)
        {
            case SecuritySchemeType.Http when string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase):
                return (SecuritySchemeKind.Bearer, null);
            case SecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase):
                return (SecuritySchemeKind.Basic, null);
            case SecuritySchemeType.OAuth2:
                return (SecuritySchemeKind.OAuth2, null);
            case SecuritySchemeType.OpenIdConnect:
                return (SecuritySchemeKind.OpenIdConnect, null);
            case SecuritySchemeType.ApiKey:
                return ApiKey(name, scheme, pointer);
            default:
                diagnostics.Add(
                    DiagnosticDescriptors.UnsupportedConstruct, pointer,
                    "Security scheme '" + name + "' (" + Describe(scheme) + ")", pointer, "no authentication; add the credential with a DelegatingHandler");
                return null;
        }
    }

    private (SecuritySchemeKind Kind, string? ParameterName)? ApiKey(string name, IOpenApiSecurityScheme scheme, string pointer)
    {
        SecuritySchemeKind? kind = scheme.In switch
        {
            Microsoft.OpenApi.ParameterLocation.Header => SecuritySchemeKind.ApiKeyHeader,
            Microsoft.OpenApi.ParameterLocation.Query => SecuritySchemeKind.ApiKeyQuery,
            Microsoft.OpenApi.ParameterLocation.Cookie => SecuritySchemeKind.ApiKeyCookie,
            _ => null,
        };
        if (kind is null || string.IsNullOrWhiteSpace(scheme.Name) || (kind == SecuritySchemeKind.ApiKeyHeader && !IsToken(scheme.Name!)))
        {
            diagnostics.Add(
                DiagnosticDescriptors.IncompleteSecurityScheme, pointer, name, pointer,
                kind is null ? "an apiKey scheme needs 'in' to be header, query or cookie" : "an apiKey scheme needs a 'name' that can be sent");
            return null;
        }

        return (kind.Value, scheme.Name!.Trim());
    }

    private static string Describe(IOpenApiSecurityScheme scheme) => scheme.Type == SecuritySchemeType.Http
        ? "HTTP scheme '" + scheme.Scheme + "'; HTTP bearer and basic are supported"
        : "type " + scheme.Type + " is not supported";

    /// <summary>An RFC 9110 token: what a header name may be.</summary>
    private static bool IsToken(string text) => text.All(c => c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".IndexOf(c) < 0);

    /// <summary>
    /// The scheme's property and every companion the options and client derive from it must be free: a scheme named
    /// <c>KeyProvider</c> must not take the callback of a scheme named <c>Key</c>.
    /// </summary>
    private static string ClaimProperty(NameScope names, string wanted, SecuritySchemeKind kind)
    {
        for (var number = 1; ; number++)
        {
            var candidate = NameScope.Numbered(wanted, number);
            var members = Members(candidate, kind);
            if (members.All(member => !names.IsTaken(member)))
            {
                foreach (var member in members)
                {
                    names.Claim(member, out _);
                }

                return candidate;
            }
        }
    }

    private static string[] Members(string property, SecuritySchemeKind kind) => kind == SecuritySchemeKind.Basic
        ? [property + "UserName", property + "Password", property + "UserNameEnvironmentVariable", property + "PasswordEnvironmentVariable", property + "Credential"]
        : [property, property + "EnvironmentVariable", property + "Provider", property + "Credential"];

    private SecurityRequirementModel? Requirement(IList<OpenApiSecurityRequirement>? requirements, string pointer)
    {
        if (requirements is null)
        {
            return null;
        }

        var alternatives = new List<SecurityAlternativeModel>();
        var anonymous = false;
        for (var index = 0; index < requirements.Count; index++)
        {
            if (requirements[index] is not { } requirement)
            {
                continue;
            }

            if (requirement.Count == 0)
            {
                anonymous = true;
                continue;
            }

            var schemes = new List<string>();
            var usable = true;
            foreach (var key in requirement.Keys)
            {
                if (key?.Reference?.Id is not { } name)
                {
                    usable = false;
                    continue;
                }

                if (_schemes.ContainsKey(name))
                {
                    schemes.Add(name);
                    continue;
                }

                // A scheme the client cannot send was reported where it is defined.
                usable = false;
                if (!_unsendable.Contains(name) && _reported.Add(pointer + " " + name))
                {
                    diagnostics.Add(DiagnosticDescriptors.UndefinedSecurityScheme, JsonPointer.Append(pointer, index), JsonPointer.Append(pointer, index), name);
                }
            }

            if (usable && schemes.Count > 0)
            {
                var alternative = new SecurityAlternativeModel(schemes.ToEquatableArray());
                if (!alternatives.Contains(alternative))
                {
                    alternatives.Add(alternative);
                }
            }
        }

        return alternatives.Count == 0 ? null : new SecurityRequirementModel(alternatives.ToEquatableArray(), anonymous);
    }
}
