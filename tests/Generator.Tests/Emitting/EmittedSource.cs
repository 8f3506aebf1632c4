using Microsoft.CodeAnalysis.CSharp;
using Tether.Generator.Emitting;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;
using Tether.Generator.Model;
using Tether.Generator.Tests.Support;

namespace Tether.Generator.Tests.Emitting;

/// <summary>Runs the emitter on hand-built models and turns its files into compilable sources.</summary>
internal static class EmittedSource
{
    /// <summary>The user's half of the client: what <c>[GenerateClient]</c> would be placed on.</summary>
    public const string ClientStub = """
        namespace Demo;

        /// <summary>The client the models belong to.</summary>
        public partial class DemoClient
        {
        }
        """;

    public static IReadOnlyList<GeneratedFile> Emit(params TypeModel[] types) => SourceEmitter.Emit(ModelBuilder.Spec(types), CancellationToken.None);

    /// <summary>All files as one text, each under a header naming its hint name (the snapshot form).</summary>
    public static string Concatenate(IReadOnlyList<GeneratedFile> files) =>
        string.Concat(files.Select(file => $"//// {file.HintName}\n{file.Text}\n"));

    public static IEnumerable<(string Path, string Text)> WithClient(IReadOnlyList<GeneratedFile> files) =>
        files.Select(file => (file.HintName, file.Text)).Append(("DemoClient.cs", ClientStub));

    public static void AssertCompilesCleanly(IReadOnlyList<GeneratedFile> files)
    {
        SourceCompiler.AssertClean(SourceCompiler.Compile(WithClient(files), SourceCompiler.Net100References));

        // A consumer on .NET 8 compiles the same text with C# 12 against System.Text.Json 8.
        SourceCompiler.AssertClean(SourceCompiler.Compile(WithClient(files), SourceCompiler.Net80References, LanguageVersion.CSharp12));
    }
}
