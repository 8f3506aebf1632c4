using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Tether.Generator.Diagnostics;
using Tether.Generator.Emitting;
using Tether.Generator.Model;
using Tether.Generator.Parsing;
using Tether.Generator.Targets;

namespace Tether.Generator;

/// <summary>
/// Generates a typed client into every <c>partial class</c> marked <c>[GenerateClient("spec.yaml")]</c>, from the
/// OpenAPI document given as an AdditionalFiles item. Pipeline: target classes and spec texts → parsed, equatable
/// <see cref="ApiModel"/> (cached per spec text) → source. Diagnostics are a separate output so that a moved
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

        var requestedPaths = targets
            .Select(static (target, _) => target.SpecPath)
            .Collect()
            .Select(static (paths, _) => paths.Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.RequestedSpecPaths);

        var specs = context.AdditionalTextsProvider
            .Combine(requestedPaths)
            .Where(static pair => SpecPathMatcher.MatchesAny(pair.Left.Path, pair.Right))
            .Select(static (pair, cancellationToken) => ParseSpec(pair.Left, cancellationToken))
            .WithTrackingName(TrackingNames.ParsedSpecs);

        // Two bools, so that the many compilation changes that do not add or remove a package stop here.
        var extensions = context.CompilationProvider
            .Select(static (compilation, _) => ReferencedExtensions.In(compilation))
            .WithTrackingName(TrackingNames.ReferencedExtensions);

        var clients = targets
            .Combine(specs.Collect())
            .Combine(extensions)
            .Select(static (pair, _) => ClientSpecResolver.Resolve(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.ClientSpecs);

        context.RegisterSourceOutput(specs, static (spc, spec) => DiagnosticReporter.Report(spc, spec.Diagnostics));
        context.RegisterSourceOutput(clients, static (spc, client) => DiagnosticReporter.Report(spc, client.Diagnostics));
        context.RegisterSourceOutput(clients, static (spc, client) => Emit(spc, client));
    }

    private static ParsedSpec ParseSpec(AdditionalText file, System.Threading.CancellationToken cancellationToken)
    {
        var path = SpecPathMatcher.Normalize(file.Path);
        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.SpecUnreadable, null, path, "the file could not be read");
            return new ParsedSpec(path, null, ImmutableArray.Create(diagnostic).ToEquatableArray());
        }

        return SpecParser.Parse(path, text, cancellationToken);
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
