using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Tether.Generator.Diagnostics;
using Tether.Generator.Model;

namespace Tether.Generator.Parsing;

/// <summary>
/// Security schemes → the bearer schemes the client exposes, and for each operation the one it uses: the
/// operation's own <c>security</c> when present (an empty list means none), else the document's.
/// </summary>
internal sealed class SecurityTranslator(DiagnosticBag diagnostics)
{
    private readonly HashSet<string> _bearerSchemes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    public EquatableArray<SecuritySchemeModel> Schemes(OpenApiDocument document)
    {
        var result = new List<SecuritySchemeModel>();
        var names = new NameScope();
        if (document.Components?.SecuritySchemes is not { } schemes)
        {
            return EquatableArray<SecuritySchemeModel>.Empty;
        }

        foreach (var pair in schemes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (pair.Value is { Type: SecuritySchemeType.Http } scheme && string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase))
            {
                _bearerSchemes.Add(pair.Key);
                result.Add(new SecuritySchemeModel(pair.Key, names.Claim(IdentifierRules.SecurityPropertyName(pair.Key)), scheme.Description));
            }
        }

        return result.ToEquatableArray();
    }

    /// <summary>The document-wide scheme, if it is a bearer scheme.</summary>
    public string? DefaultScheme(OpenApiDocument document) => FirstScheme(document.Security, "#/security");

    public string? SchemeFor(OpenApiOperation operation, OpenApiDocument document, string operationPointer)
        => operation.Security is not null
            ? FirstScheme(operation.Security, operationPointer + "/security")
            : FirstScheme(document.Security, "#/security");

    private string? FirstScheme(IList<OpenApiSecurityRequirement>? requirements, string pointer)
    {
        if (requirements is null)
        {
            return null;
        }

        var unsupported = new List<string>();
        foreach (var requirement in requirements)
        {
            if (requirement is null)
            {
                continue;
            }

            foreach (var scheme in requirement.Keys)
            {
                if (scheme?.Reference?.Id is not { } name)
                {
                    continue;
                }

                if (_bearerSchemes.Contains(name))
                {
                    return name;
                }

                unsupported.Add(name);
            }
        }

        // Only when no alternative requirement offers a bearer scheme does the call go without credentials.
        foreach (var name in unsupported)
        {
            if (_reported.Add(name))
            {
                diagnostics.Add(
                    DiagnosticDescriptors.UnsupportedConstruct, pointer,
                    "Security scheme '" + name + "' (only HTTP bearer is supported)", pointer, "no authentication; add the credential with a DelegatingHandler");
            }
        }

        return null;
    }
}
