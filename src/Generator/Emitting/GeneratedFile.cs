namespace Tether.Generator.Emitting;

/// <summary>One source file to add to the compilation.</summary>
internal sealed record GeneratedFile(string HintName, string Text);
