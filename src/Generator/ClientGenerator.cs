using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Tether.Generator.Diagnostics;
using Tether.Generator.Emitting;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;
using Tether.Generator.Model;
using Tether.Generator.Reading;
using Tether.Generator.Translating;
using Tether.Generator.Targets;

namespace Tether.Generator;

/// <summary>
/// Generates a typed client into every <c>partial class</c> marked <c>[GenerateClient("spec.yaml")]</c>, from the
/// OpenAPI document given as an AdditionalFiles item, with the overlays the attribute names applied. Pipeline: target
/// classes and the texts they name → one parse per distinct (spec, overlays) combination into an equatable
/// <see cref="ApiModel"/> (cached per those texts) → source. Diagnostics are a separate output so that a moved
/// location never re-emits source.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ClientGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var targets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ClientTargetParser.AttributeMetadataName,
                static (node, _) => node is ClassDeclarationSyntax,
                ClientTargetParser.Parse)
            .WithTrackingName(TrackingNames.Targets);

        var requests = targets
            .Select(static (target, _) => target.Documents)
            .Collect()
            .Select(static (requests, _) => requests
                .Distinct()
                .OrderBy(request => request.SpecPath, StringComparer.Ordinal)
                .ThenBy(request => string.Join("\n", request.Overlays), StringComparer.Ordinal)
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.RequestedDocuments);

        var documents = context.AdditionalTextsProvider
            .Combine(requests)
            .Where(static pair => IsRequested(pair.Left.Path, pair.Right))
            .Select(static (pair, cancellationToken) => new AdditionalDocument(
                SpecPathMatcher.Normalize(pair.Left.Path), pair.Left.GetText(cancellationToken)?.ToString()))
            .WithTrackingName(TrackingNames.AdditionalDocuments);

        // Only the paths, for matching targets to parse results: a text edit changes no path.
        var documentPaths = documents
            .Select(static (document, _) => document.Path)
            .Collect()
            .Select(static (paths, _) => paths.ToEquatableArray());

        var specs = requests
            .Combine(documents.Collect())
            .SelectMany(static (pair, _) => SpecInputs.Build(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.SpecInputs)
            .Select(static (input, cancellationToken) => ParseSpec(input, cancellationToken))
            .WithTrackingName(TrackingNames.ParsedSpecs);

        // Two bools, so that the many compilation changes that do not add or remove a package stop here.
        var extensions = context.CompilationProvider
            .Select(static (compilation, _) => ReferencedExtensions.In(compilation))
            .WithTrackingName(TrackingNames.ReferencedExtensions);

        var clients = targets
            .Combine(specs.Collect())
            .Combine(documentPaths)
            .Combine(extensions)
            .Select(static (pair, _) => ClientSpecResolver.Resolve(pair.Left.Left.Left, pair.Left.Left.Right, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.ClientSpecs);

        // Collected so that a spec parsed with two sets of overlays reports its own problems once.
        context.RegisterSourceOutput(specs.Collect(), static (spc, all) => DiagnosticReporter.Report(spc, all.SelectMany(spec => spec.Diagnostics).Distinct().ToEquatableArray()));
        context.RegisterSourceOutput(clients, static (spc, client) => DiagnosticReporter.Report(spc, client.Diagnostics));
        context.RegisterSourceOutput(clients, static (spc, client) => Emit(spc, client));
    }

    private static bool IsRequested(string additionalFilePath, EquatableArray<DocumentRequest> requests)
    {
        foreach (var request in requests)
        {
            if (SpecPathMatcher.Matches(additionalFilePath, request.SpecPath) || SpecPathMatcher.MatchesAny(additionalFilePath, request.Overlays))
            {
                return true;
            }
        }

        return false;
    }

    private static ParsedSpec ParseSpec(SpecInput input, System.Threading.CancellationToken cancellationToken)
    {
        var path = input.Spec.Path;
        if (input.Spec.Text is not { } text)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.SpecUnreadable, null, path, "the file could not be read");
            return new ParsedSpec(path, null, ImmutableArray.Create(diagnostic).ToEquatableArray(), input.Overlays.Select(overlay => overlay.Path).ToEquatableArray());
        }

        return SpecParser.Parse(path, SourceText.From(text), input.Overlays, cancellationToken);
    }

    private static void Emit(SourceProductionContext context, ResolvedClient client)
    {
        if (client.Spec is null)
        {
            return;
        }

        try
        {
            foreach (var file in SourceEmitter.Emit(client.Spec, context.CancellationToken))
            {
                context.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A generator that throws surfaces as CS8785 with no hint of the cause; a diagnostic says what failed.
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InternalError,
                client.Spec.Target.AttributeLocation?.ToLocation(),
                client.Spec.Target.ClassName,
                exception.GetType().Name + ": " + exception.Message));
        }
    }
}
