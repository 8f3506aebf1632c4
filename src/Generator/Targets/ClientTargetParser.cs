using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tether.Generator.Diagnostics;
using Tether.Generator.Model;

namespace Tether.Generator.Targets;

/// <summary>Turns a class marked <c>[GenerateClient]</c> into an equatable <see cref="ClientTarget"/>.</summary>
internal static class ClientTargetParser
{
    public const string AttributeMetadataName = "Tether.GenerateClientAttribute";

    public static ClientTarget Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var symbol = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (ClassDeclarationSyntax)context.TargetNode;
        var attribute = context.Attributes[0];
        var attributeLocation = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation());
        var identifierLocation = LocationInfo.From(syntax.Identifier.GetLocation());

        var specPath = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string path
            ? path
            : string.Empty;

        var diagnostics = new List<DiagnosticInfo>();
        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassNotPartial, identifierLocation, symbol.Name));
        }

        if (symbol.ContainingType is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassNested, identifierLocation, symbol.Name));
        }

        if (symbol.TypeParameters.Length > 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassGeneric, identifierLocation, symbol.Name));
        }

        var ns = symbol.ContainingNamespace is { IsGlobalNamespace: false } containing
            ? containing.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty)
            : string.Empty;
        var accessibility = symbol.DeclaredAccessibility == Accessibility.Public ? "public" : "internal";

        return new ClientTarget(
            ns,
            symbol.Name,
            accessibility,
            specPath,
            attributeLocation,
            IsValid: diagnostics.Count == 0,
            diagnostics.ToEquatableArray(),
            new ClientSelection(NamedStrings(attribute, "Tags"), NamedStrings(attribute, "Operations")),
            symbol.IsSealed,
            NamedStrings(attribute, "Overlays"));
    }

    /// <summary>The strings of a <c>string[]</c> named argument (<c>Tags = new[] { … }</c>), in the order written, empty when not given.</summary>
    private static EquatableArray<string> NamedStrings(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Kind == TypedConstantKind.Array && !argument.Value.IsNull)
            {
                return argument.Value.Values
                    .Select(value => value.Value as string)
                    .Where(value => !string.IsNullOrWhiteSpace(value))
                    .Select(value => value!.Trim())
                    .ToEquatableArray();
            }
        }

        return EquatableArray<string>.Empty;
    }
}
