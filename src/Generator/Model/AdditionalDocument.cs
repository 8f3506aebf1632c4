namespace Tether.Generator.Model;

/// <summary>
/// An AdditionalFiles item a <c>[GenerateClient]</c> asks for (a spec or an overlay), read: the pipeline holds the
/// text, never the <see cref="Microsoft.CodeAnalysis.AdditionalText"/>, so that an unchanged file compares equal.
/// </summary>
/// <param name="Path">The AdditionalFiles path, normalized to forward slashes.</param>
/// <param name="Text">The content; null when the file could not be read.</param>
internal sealed record AdditionalDocument(string Path, string? Text);
