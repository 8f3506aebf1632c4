using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using Tether.Generator.Diagnostics;
using Tether.Generator.Model;

namespace Tether.Generator.Parsing;

/// <summary>Spec text → <see cref="ParsedSpec"/>. Never throws except on cancellation: every problem is a diagnostic.</summary>
internal static class SpecParser
{
    public static ParsedSpec Parse(string path, SourceText text, CancellationToken cancellationToken, YamlRoute route = YamlRoute.BlockReaderFirst)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var content = text.ToString();
        var locator = new SpecLocator(path, text, content);
        var diagnostics = new DiagnosticBag(path);
        ApiModel? model = null;
        try
        {
            if (SpecReader.Read(path, content, locator, diagnostics, cancellationToken, route) is { } read)
            {
                model = ApiModelBuilder.Build(read.Document, read.Version, content, diagnostics, cancellationToken);
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
            infos = diagnostics.ToDiagnostics(locator, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            infos = ImmutableArray.Create(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, null, path, exception.GetType().Name + ": " + exception.Message));
        }

        return new ParsedSpec(path, model, infos.ToEquatableArray());
    }
}
