namespace Tether.EndToEnd.Tests.Conformance;

/// <summary>Where in the spec an example sits, which decides how it is read and what type it belongs to.</summary>
internal enum ExampleOrigin
{
    /// <summary><c>x-oaiMeta.examples[].response</c> of an operation: text, usually the JSON the operation returns.</summary>
    OperationResponse,

    /// <summary><c>x-oaiMeta.example</c> of a component schema: text, usually one JSON instance of the schema.</summary>
    SchemaMeta,

    /// <summary>The JSON Schema <c>example</c> keyword, at any depth: already a JSON value.</summary>
    SchemaKeyword,
}

/// <summary>One example the spec carries.</summary>
/// <param name="Id">A readable name for reports, unique per example.</param>
/// <param name="Segments">The unescaped JSON pointer segments of the schema/operation the example belongs to.</param>
/// <param name="Content">The example's text (for the x-oaiMeta origins) or its JSON (for the keyword).</param>
internal sealed record SpecExample(string Id, ExampleOrigin Origin, IReadOnlyList<string> Segments, string? OperationId, string Content)
{
    /// <summary>For the keyword: the <c>type</c> of the schema the example is written on, if it declares one.</summary>
    public string? DeclaredType { get; init; }

    /// <summary>For the keyword on a parameter's schema: the parameter's name.</summary>
    public string? ParameterName { get; init; }

    public string Pointer => "#" + string.Concat(Segments.Select(segment => "/" + segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
}
