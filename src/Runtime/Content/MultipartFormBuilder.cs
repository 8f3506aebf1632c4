using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Tether;

/// <summary>
/// Describes a <c>multipart/form-data</c> body: string fields, JSON fields and file parts. File parts are streamed
/// from the caller's <see cref="Stream"/>, never buffered whole. <see langword="null"/> values add nothing, so optional
/// fields need no branch. Finish with <see cref="Build"/>.
/// </summary>
/// <example>
/// <code>
/// RequestContent body = new MultipartFormBuilder()
///     .AddFile("file", stream, "notes.pdf", "application/pdf")
///     .Add("purpose", "assistants")
///     .AddEach("include[]", include)
///     .Build();
/// </code>
/// </example>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class MultipartFormBuilder
{
    private const string DefaultFileContentType = "application/octet-stream";
    private readonly List<FormPart> _parts = new();

    /// <summary>Adds a text field unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The field name, verbatim.</param>
    /// <param name="value">The text.</param>
    /// <returns>This builder.</returns>
    public MultipartFormBuilder Add(string name, string? value)
    {
        ValidateName(name);
        if (value is not null)
        {
            _parts.Add(FormPart.Text(name, value));
        }

        return this;
    }

    /// <summary>Adds <c>true</c> or <c>false</c> unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public MultipartFormBuilder Add(string name, bool? value) => Add(name, value is { } v ? WireFormat.Format(v) : null);

    /// <summary>Adds an integer (invariant culture) unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public MultipartFormBuilder Add(string name, long? value) => Add(name, value is { } v ? WireFormat.Format(v) : null);

    /// <summary>Adds a number (invariant culture) unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public MultipartFormBuilder Add(string name, double? value) => Add(name, value is { } v ? WireFormat.Format(v) : null);

    /// <summary>Adds a decimal (invariant culture) unless <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public MultipartFormBuilder Add(string name, decimal? value) => Add(name, value is { } v ? WireFormat.Format(v) : null);

    /// <summary>
    /// Adds an array as one field per item, all with the same name, verbatim (so <c>include[]</c> stays
    /// <c>include[]</c>). <see langword="null"/> adds nothing; <see langword="null"/> items are skipped.
    /// </summary>
    /// <param name="name">The field name.</param>
    /// <param name="values">The values, already formatted (see <see cref="WireFormat"/>).</param>
    /// <returns>This builder.</returns>
    public MultipartFormBuilder AddEach(string name, IEnumerable<string?>? values)
    {
        ValidateName(name);
        if (values is not null)
        {
            foreach (string? value in values)
            {
                Add(name, value);
            }
        }

        return this;
    }

    /// <summary>
    /// Adds an object as one field per property, named <c>name[key]</c> (e.g. <c>expires_after[seconds]</c>).
    /// <see langword="null"/> adds nothing; <see langword="null"/> values are skipped.
    /// </summary>
    /// <param name="name">The field name.</param>
    /// <param name="properties">The properties, values already formatted.</param>
    /// <returns>This builder.</returns>
    public MultipartFormBuilder AddDeepObject(string name, IEnumerable<KeyValuePair<string, string?>>? properties)
    {
        ValidateName(name);
        if (properties is not null)
        {
            foreach (KeyValuePair<string, string?> property in properties)
            {
                Add(name + "[" + property.Key + "]", property.Value);
            }
        }

        return this;
    }

    /// <summary>
    /// Adds a field whose value is JSON (<c>Content-Type: application/json</c>), serialized now with the given
    /// metadata. <see langword="null"/> adds nothing.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">Serialization metadata, typically <c>MyJsonContext.Default.MyType</c>.</param>
    /// <returns>This builder.</returns>
    public MultipartFormBuilder AddJson<T>(string name, T? value, JsonTypeInfo<T> typeInfo)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (value is not null)
        {
            byte[] json = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
            _parts.Add(FormPart.Bytes(name, fileName: null, json, JsonMediaType.Json));
        }

        return this;
    }

    /// <summary>
    /// Adds a file part streamed from <paramref name="content"/>, from its current position. A seekable stream is
    /// rewound for each retry; a non-seekable one makes the call non-retryable. The stream stays the caller's: it is
    /// not disposed.
    /// </summary>
    /// <param name="name">The field name (e.g. <c>file</c>).</param>
    /// <param name="content">The file's bytes.</param>
    /// <param name="fileName">The file name the server sees (e.g. <c>speech.mp3</c>); servers often infer the format from it.</param>
    /// <param name="contentType">The part's content type; <c>application/octet-stream</c> when <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public MultipartFormBuilder AddFile(string name, Stream content, string fileName, string? contentType = null)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(content);
        ValidateFileName(fileName);
        string type = ValidateContentType(contentType ?? DefaultFileContentType);
        _parts.Add(FormPart.Stream(name, fileName, new StreamSource(content), type));
        return this;
    }

    /// <summary>Adds a file part from bytes in memory (not copied: do not change them while the call runs).</summary>
    /// <param name="name">The field name.</param>
    /// <param name="content">The file's bytes.</param>
    /// <param name="fileName">The file name the server sees.</param>
    /// <param name="contentType">The part's content type; <c>application/octet-stream</c> when <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public MultipartFormBuilder AddFile(string name, ReadOnlyMemory<byte> content, string fileName, string? contentType = null)
    {
        ValidateName(name);
        ValidateFileName(fileName);
        string type = ValidateContentType(contentType ?? DefaultFileContentType);
        _parts.Add(FormPart.Bytes(name, fileName, content, type));
        return this;
    }

    /// <summary>Adds <paramref name="file"/> as a file part streamed from its stream; nothing when it is <see langword="null"/>.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="file">The upload, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public MultipartFormBuilder AddFile(string name, FileUpload? file) =>
        file is null ? this : AddFile(name, file.Content, file.FileName, file.ContentType);

    /// <summary>Adds one file part per upload, all under <paramref name="name"/>; nothing when <paramref name="files"/> is <see langword="null"/>.</summary>
    /// <param name="name">The field name, verbatim (e.g. <c>image[]</c>).</param>
    /// <param name="files">The uploads; none of them may be <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public MultipartFormBuilder AddFiles(string name, IEnumerable<FileUpload>? files)
    {
        if (files is null)
        {
            return this;
        }

        foreach (FileUpload file in files)
        {
            ArgumentNullException.ThrowIfNull(file, nameof(files));
            AddFile(name, file);
        }

        return this;
    }

    /// <summary>
    /// Adds a JSON value as form fields, in the bracket encoding OpenAI's form endpoints read: an object's members as
    /// <c>name[key]</c> fields and an array's items as <c>name[]</c> fields, recursively; a string as its text, any
    /// other value as its JSON; nulls add nothing.
    /// </summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public MultipartFormBuilder AddJsonField(string name, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    AddJsonField(name + "[" + property.Name + "]", property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in value.EnumerateArray())
                {
                    AddJsonField(name + "[]", item);
                }

                break;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                break;
            default:
                Add(name, Primitives.JsonParameterText.Text(value));
                break;
        }

        return this;
    }

    /// <summary>The body described so far; the builder may not be changed afterwards.</summary>
    /// <returns>Content that creates a fresh <c>multipart/form-data</c> body per attempt.</returns>
    public RequestContent Build() => new MultipartRequestContent(_parts.ToArray());

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        RejectLineBreaks(name, nameof(name));
    }

    private static void ValidateFileName(string fileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        RejectLineBreaks(fileName, nameof(fileName));
    }

    private static string ValidateContentType(string contentType)
    {
        // Parsed now so that a malformed type fails when the body is described, not at send time.
        _ = MediaTypeHeaderValue.Parse(contentType);
        return contentType;
    }

    private static void RejectLineBreaks(string value, string parameterName)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException("Multipart field and file names must not contain line breaks or NUL characters.", parameterName);
        }
    }

    /// <summary>One part: its name, optional file name, and how to make its content for an attempt.</summary>
    internal sealed class FormPart
    {
        private readonly Func<HttpContent> _createContent;

        private FormPart(string name, string? fileName, Func<HttpContent> createContent, StreamSource? source)
        {
            Name = name;
            FileName = fileName;
            _createContent = createContent;
            Source = source;
        }

        public string Name { get; }

        public string? FileName { get; }

        public StreamSource? Source { get; }

        public static FormPart Text(string name, string value) =>
            // No Content-Type on text fields, as browsers and most HTTP libraries send them.
            new(name, null, () => new StringContent(value) { Headers = { ContentType = null } }, null);

        public static FormPart Bytes(string name, string? fileName, ReadOnlyMemory<byte> bytes, string contentType) =>
            new(name, fileName, () => new ReadOnlyMemoryContent(bytes) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } }, null);

        public static FormPart Stream(string name, string fileName, StreamSource source, string contentType) =>
            new(name, fileName, () => new StreamBodyContent(source) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } }, source);

        public HttpContent CreateContent()
        {
            HttpContent content = _createContent();
            // Written by hand rather than with ContentDispositionHeaderValue, which MIME-encodes non-ASCII names
            // (=?utf-8?B?…?=) that many servers do not decode. Browsers and most HTTP libraries send UTF-8 inside the
            // quotes and percent-encode only '"' (WHATWG form encoding); the multipart content writes part headers as
            // UTF-8 (see MultipartRequestContent).
            string disposition = FileName is null
                ? $"form-data; name=\"{Escape(Name)}\""
                : $"form-data; name=\"{Escape(Name)}\"; filename=\"{Escape(FileName)}\"";
            content.Headers.TryAddWithoutValidation("Content-Disposition", disposition);
            return content;
        }

        private static string Escape(string value) => value.Replace("\"", "%22", StringComparison.Ordinal);
    }
}
