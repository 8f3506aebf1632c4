using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using Tether.Generator.Diagnostics;
using Tether.Generator.Reading.Overlays;
using Tether.Generator.Reading.Yaml;
using Tether.Generator.Translating;

namespace Tether.Generator.Reading;

/// <summary>
/// Spec text → OpenAPI.NET document. Rejects what Tether cannot read (syntax errors: TETHER002, versions other
/// than 3.0/3.1: TETHER003) and passes the reader's own findings on as TETHER010 infos.
/// </summary>
internal static class SpecReader
{
    private const string VersionPointer = "#/openapi";

    // The root `openapi` member, checked before the (comparatively slow) full read so that a wrong version is
    // reported as such rather than as whatever the reader makes of it.
    private static readonly Regex YamlVersion = new(@"^[""']?(openapi|swagger)[""']?[ \t]*:[ \t]*[""']?([^""'\s#,}]*)", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex JsonVersion = new(@"""(openapi|swagger)""\s*:\s*""([^""]*)""", RegexOptions.CultureInvariant);

    private static readonly Uri DocumentLocation = new(OpenApiConstants.BaseRegistryUri);

    private static readonly Regex TrailingPointer = new(@" at (#/\S*)$", RegexOptions.CultureInvariant);

    /// <returns>
    /// The document, its version, and the text to look for keywords the reader drops (<see cref="DroppedKeywordFinder"/>):
    /// the spec's own, or with overlays the overlaid tree written as JSON; null when the spec cannot be read.
    /// </returns>
    public static (OpenApiDocument Document, OpenApiSpecVersion Version, string Text)? Read(
        string path,
        string content,
        SpecLocator locator,
        DiagnosticBag diagnostics,
        CancellationToken cancellationToken,
        YamlRoute route = YamlRoute.BlockReaderFirst,
        IReadOnlyList<Overlay>? overlays = null)
    {
        if (content.Trim().Length == 0)
        {
            diagnostics.AddAt(DiagnosticDescriptors.SpecUnreadable, locator.Start, path, "the file is empty");
            return null;
        }

        var isJson = locator.IsJson;
        var declared = (isJson ? JsonVersion : YamlVersion).Match(content);
        if (declared.Success && !IsSupported(declared.Groups[1].Value, declared.Groups[2].Value))
        {
            var version = declared.Groups[1].Value == "swagger" ? "swagger " + declared.Groups[2].Value : declared.Groups[2].Value;
            diagnostics.Add(DiagnosticDescriptors.UnsupportedVersion, isJson || declared.Groups[1].Value == "openapi" ? VersionPointer : "#/swagger", path, version);
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        ReadResult result;
        JsonNode? overlaid = null;
        var treeDiffersFromText = false;
        try
        {
            var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
            settings.AddYamlReader();
            var otherVersionKeywords = declared.Success && declared.Groups[2].Value.StartsWith("3.0", StringComparison.Ordinal)
                && CrossVersionKeywords.MayApply(content);
            if (overlays is { Count: > 0 } || otherVersionKeywords)
            {
                overlaid = ReadOverlaid(path, content, isJson, overlays ?? Array.Empty<Overlay>(), route, cancellationToken);
                var rewritten = otherVersionKeywords && CrossVersionKeywords.Rewrite(overlaid, path, diagnostics, cancellationToken) > 0;
                treeDiffersFromText = rewritten || overlays is { Count: > 0 };
                result = OpenApiYamlReader.Read(overlaid, DocumentLocation, settings);
            }
            else
            {
                result = ReadDocument(content, isJson, settings, route, cancellationToken);
            }
        }
        catch (OpenApiUnsupportedSpecVersionException exception)
        {
            diagnostics.Add(DiagnosticDescriptors.UnsupportedVersion, VersionPointer, path, exception.SpecificationVersion ?? "unknown");
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ReportUnreadable(path, locator, diagnostics, exception.Message, cancellationToken);
            return null;
        }

        if (result.Document is null)
        {
            if (!declared.Success && locator.FindSyntaxError(cancellationToken) is null)
            {
                diagnostics.AddAt(DiagnosticDescriptors.UnsupportedVersion, locator.Start, path, "none");
                return null;
            }

            var reason = result.Diagnostic?.Errors is { Count: > 0 } errors ? errors[0].Message : "the reader returned no document";
            ReportUnreadable(path, locator, diagnostics, reason, cancellationToken);
            return null;
        }

        var specVersion = result.Diagnostic?.SpecificationVersion ?? OpenApiSpecVersion.OpenApi3_0;
        if (specVersion is not (OpenApiSpecVersion.OpenApi3_0 or OpenApiSpecVersion.OpenApi3_1))
        {
            var version = declared.Success ? declared.Groups[2].Value : specVersion.ToString();
            diagnostics.Add(DiagnosticDescriptors.UnsupportedVersion, VersionPointer, path, version);
            return null;
        }

        if (result.Diagnostic is { } findings)
        {
            foreach (var finding in findings.Errors.Concat(findings.Warnings))
            {
                var pointer = PointerOf(finding);
                diagnostics.Add(DiagnosticDescriptors.SpecValidation, pointer, path, pointer ?? "#", finding.Message);
            }
        }

        // Only the 3.0 reader drops keywords; the JSON of a big tree is written only when it is needed.
        var text = !treeDiffersFromText || specVersion != OpenApiSpecVersion.OpenApi3_0 ? content : overlaid!.ToJsonString();
        return (result.Document, specVersion, text);
    }

    /// <summary>The spec's JSON tree with the overlays applied, in order.</summary>
    private static JsonNode ReadOverlaid(string path, string content, bool isJson, IReadOnlyList<Overlay> overlays, YamlRoute route, CancellationToken cancellationToken)
    {
        var root = JsonTreeReader.Read(content, isJson, route, cancellationToken) ?? throw new InvalidDataException("the file holds no document");
        foreach (var overlay in overlays)
        {
            OverlayApplier.Apply(root, overlay, path, cancellationToken);
        }

        return root;
    }

    /// <summary>
    /// The document, read by OpenAPI.NET. Block-style YAML goes through <see cref="BlockYamlReader"/> first (the
    /// same JSON tree OpenAPI.NET's YAML reader would build, at a fraction of its first-run cost); everything else,
    /// invalid YAML included, goes through OpenAPI.NET's own reader for that format.
    /// </summary>
    private static ReadResult ReadDocument(string content, bool isJson, OpenApiReaderSettings settings, YamlRoute route, CancellationToken cancellationToken)
    {
        if (!isJson && route == YamlRoute.BlockReaderFirst && BlockYamlReader.TryRead(content, cancellationToken) is { } root)
        {
            // The location OpenApiDocument.Parse gives a document read from a string.
            return OpenApiYamlReader.Read(root, DocumentLocation, settings);
        }

        return OpenApiDocument.Parse(content, isJson ? "json" : "yaml", settings);
    }

    /// <summary>The finding's pointer; the 3.0 reader leaves it empty and writes "… at #/pointer" into the message.</summary>
    private static string? PointerOf(OpenApiError finding)
    {
        if (!string.IsNullOrEmpty(finding.Pointer))
        {
            return finding.Pointer;
        }

        var match = TrailingPointer.Match(finding.Message ?? string.Empty);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static bool IsSupported(string keyword, string version)
        => keyword == "openapi" && (version.StartsWith("3.0", StringComparison.Ordinal) || version.StartsWith("3.1", StringComparison.Ordinal));

    private static void ReportUnreadable(string path, SpecLocator locator, DiagnosticBag diagnostics, string reason, CancellationToken cancellationToken)
    {
        var (location, description) = locator.DescribeUnreadable(reason, cancellationToken);
        diagnostics.AddAt(DiagnosticDescriptors.SpecUnreadable, location, path, description);
    }
}
