using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using Tether.Generator.Diagnostics;
using Tether.Generator.Model;
using Tether.Generator.Reading.Overlays;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading;

/// <summary>Spec text (and overlays) → <see cref="ParsedSpec"/>. Never throws except on cancellation: every problem is a diagnostic.</summary>
internal static class SpecParser
{
    public static ParsedSpec Parse(string path, SourceText text, CancellationToken cancellationToken, YamlRoute route = YamlRoute.BlockReaderFirst)
        => Parse(path, text, EquatableArray<AdditionalDocument>.Empty, cancellationToken, route);

    /// <summary>Parses the spec with <paramref name="overlayFiles"/> applied in order; their problems are located in their own files.</summary>
    public static ParsedSpec Parse(
        string path, SourceText text, EquatableArray<AdditionalDocument> overlayFiles, CancellationToken cancellationToken, YamlRoute route = YamlRoute.BlockReaderFirst)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var content = text.ToString();
        var locator = new SpecLocator(path, text, content);
        var diagnostics = new DiagnosticBag(path);
        var overlays = new List<Overlay>();
        ApiModel? model = null;
        try
        {
            foreach (var file in overlayFiles)
            {
                overlays.Add(OverlayReader.Read(file.Path, file.Text, route, cancellationToken));
            }

            if (SpecReader.Read(path, content, locator, diagnostics, cancellationToken, route, overlays) is { } read)
            {
                // Read → translate → plan: the model that leaves here has every operation's method names decided.
                var translated = ApiModelBuilder.Build(read.Document, read.Version, read.Text, diagnostics, cancellationToken);
                model = Planning.MethodNamePlanner.Plan(translated, diagnostics);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug in Tether, or input so broken that a library underneath gave up: say so instead of crashing
            // the compiler (CS8785), and generate nothing from this spec.
            model = null;
            diagnostics.AddAt(DiagnosticDescriptors.InternalError, locator.Start, path, exception.GetType().Name + ": " + exception.Message);
        }

        ImmutableArray<DiagnosticInfo> infos;
        try
        {
            infos = diagnostics.ToDiagnostics(locator, cancellationToken)
                .AddRange(overlays.SelectMany(overlay => overlay.ToDiagnostics(cancellationToken)));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            infos = ImmutableArray.Create(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, null, path, exception.GetType().Name + ": " + exception.Message));
        }

        return new ParsedSpec(path, model, infos.ToEquatableArray(), overlayFiles.Select(file => file.Path).ToEquatableArray());
    }
}
