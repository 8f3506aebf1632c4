using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tether.Generator.Emitting;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Tests.Support;

/// <summary>
/// Generated files switch nullable warnings off for the consumer's build (only the annotations reach it, as with
/// System.Text.Json's generator); the tests put the warnings back on, so that the generated bodies are still held to
/// zero nullable warnings.
/// </summary>
internal static class NullableWarnings
{
    /// <summary>The compilation with every generated tree's nullable context fully enabled.</summary>
    public static Compilation Restore(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees.ToList())
        {
            var text = tree.GetText().ToString();
            if (!text.Contains(FileHeader.NullableAnnotationsOnly, StringComparison.Ordinal))
            {
                continue;
            }

            var strict = CSharpSyntaxTree.ParseText(
                text.Replace(FileHeader.NullableAnnotationsOnly, "#nullable enable", StringComparison.Ordinal),
                (CSharpParseOptions)tree.Options,
                tree.FilePath);
            compilation = compilation.ReplaceSyntaxTree(tree, strict);
        }

        return compilation;
    }
}
