using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;

namespace Tether.Generator.Emitting.Client;

/// <summary>What a parameter of a generated operation method carries.</summary>
internal enum ParameterRole
{
    Path,
    Query,
    Header,
    /// <summary>The whole request body (JSON or raw).</summary>
    Body,
    /// <summary>One property of a form body (multipart or URL-encoded), sent as one part or pair (or one per item).</summary>
    FormField,
    Options,
    CancellationToken,
}

/// <summary>How a multipart property is sent.</summary>
internal enum FormFieldKind
{
    /// <summary>A text field (scalars), or fields derived from the value's JSON (objects, unions).</summary>
    Value,
    /// <summary>A file part streamed from a <c>FileUpload</c>.</summary>
    File,
    /// <summary>One file part per item, named <c>name[]</c>.</summary>
    FileList,
}

/// <summary>One parameter of a generated operation method, with everything needed to declare, document and send it.</summary>
internal sealed class MethodParameter
{
    public MethodParameter(string name, string type, ParameterRole role)
    {
        Name = name;
        Type = type;
        Role = role;
    }

    /// <summary>The C# identifier (with <c>@</c> when it is a keyword).</summary>
    public string Name { get; }

    /// <summary>The C# type as declared (nullable when optional).</summary>
    public string Type { get; }

    public ParameterRole Role { get; }

    /// <summary>The value's type in the model; null for the options and the cancellation token.</summary>
    public TypeRef? ValueType { get; set; }

    /// <summary>The name on the wire: the path placeholder, query or header name, or the form field name.</summary>
    public string WireName { get; set; } = string.Empty;

    /// <summary>Declared with a default (<c>= null</c> or <c>= default</c>), so callers may leave it out.</summary>
    public bool IsOptional { get; set; }

    /// <summary>The C# type admits null (so the emitted code checks before using it).</summary>
    public bool IsNullable { get; set; }

    public string DefaultValue { get; set; } = "null";

    public ParameterStyle Style { get; set; }

    public FormFieldKind FormKind { get; set; }

    /// <summary>For a field of a URL-encoded form: how its value is written (the spec's <c>encoding</c> entry or the default).</summary>
    public FormFieldEncoding? FormEncoding { get; set; }

    public string? Description { get; set; }

    public string DocFallback { get; set; } = string.Empty;

    public bool Deprecated { get; set; }

    /// <summary>Whether a null argument must be rejected up front (required reference-type values).</summary>
    public bool NeedsNullCheck => !IsOptional && !IsNullable && Role != ParameterRole.CancellationToken && ValueType is { IsValueType: false };

    public string Declaration => Type + " " + Name + (IsOptional ? " = " + DefaultValue : string.Empty);
}
