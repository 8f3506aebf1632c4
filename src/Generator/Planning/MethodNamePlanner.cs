using System.Collections.Generic;
using System.Linq;
using Tether.Generator.Diagnostics;
using Tether.Generator.Model;
using Tether.Generator.Reading;
using Tether.Generator.Translating;

namespace Tether.Generator.Planning;

/// <summary>
/// Names every method an operation becomes besides its plain one (the translator made the plain names unique across
/// the client). The methods of one class share a scope: a tag's <c>{Tag}Operations</c> class, or the client itself for
/// untagged operations, which also holds <see cref="ClientMemberNames"/>. Derived names never take a plain name;
/// among themselves the first in spec order wins, in this order: streaming, the response forms, auto-paging, then the
/// private request builders. A public name that had to be numbered is reported (TETHER009) at its operation.
/// </summary>
internal static class MethodNamePlanner
{
    private const string AsyncSuffix = "Async";

    public static ApiModel Plan(ApiModel model, DiagnosticBag diagnostics)
    {
        if (model.Operations.Count == 0)
        {
            return model;
        }

        var scopes = new Dictionary<string, NameScope>(System.StringComparer.Ordinal);
        var untagged = new NameScope(ClientMemberNames.Of(model));
        foreach (var operation in model.Operations)
        {
            ScopeOf(operation).Claim(operation.MethodName);
        }

        var publicNames = new (string WithResponse, string? Streaming, string? StreamingWithResponse, string? AutoPaging)[model.Operations.Count];
        for (var i = 0; i < model.Operations.Count; i++)
        {
            var operation = model.Operations[i];
            var scope = ScopeOf(operation);
            var stem = Stem(operation.MethodName);
            var streaming = operation.Streaming is null ? null : Claim(scope, stem + "Streaming", operation, diagnostics);
            var withResponse = Claim(scope, stem + "WithResponse", operation, diagnostics);
            var streamingWithResponse = streaming is null ? null : Claim(scope, Stem(streaming) + "WithResponse", operation, diagnostics);
            var autoPaging = operation.Pagination is null ? null : Claim(scope, stem + "AutoPaging", operation, diagnostics);
            publicNames[i] = (withResponse, streaming, streamingWithResponse, autoPaging);
        }

        // The request builders are private, so numbered without a word to the user, and claimed after every public
        // name, which therefore never moves for them.
        var planned = new List<OperationModel>(model.Operations.Count);
        for (var i = 0; i < model.Operations.Count; i++)
        {
            var operation = model.Operations[i];
            var (withResponse, streaming, streamingWithResponse, autoPaging) = publicNames[i];
            var builder = ScopeOf(operation).Claim("Build" + Stem(operation.MethodName) + "Request");
            planned.Add(operation with { Names = new OperationMethodNames(withResponse, streaming, streamingWithResponse, autoPaging, builder) });
        }

        return model with { Operations = planned.ToEquatableArray() };

        NameScope ScopeOf(OperationModel operation)
        {
            if (operation.Group is not { } group)
            {
                return untagged;
            }

            if (!scopes.TryGetValue(group, out var scope))
            {
                scope = new NameScope();
                scopes.Add(group, scope);
            }

            return scope;
        }
    }

    private static string Claim(NameScope scope, string stem, OperationModel operation, DiagnosticBag diagnostics)
    {
        var name = scope.Claim(stem, AsyncSuffix, out var renamed);
        if (renamed)
        {
            diagnostics.Add(DiagnosticDescriptors.DuplicateName, operation.Pointer, stem + AsyncSuffix, operation.Pointer ?? operation.OperationId, name);
        }

        return name;
    }

    private static string Stem(string methodName) =>
        methodName.EndsWith(AsyncSuffix, System.StringComparison.Ordinal) ? methodName.Substring(0, methodName.Length - AsyncSuffix.Length) : methodName;
}
