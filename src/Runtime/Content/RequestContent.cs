using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Tether;

/// <summary>
/// A request body that can produce a fresh <see cref="HttpContent"/> for each attempt, so that a retried request
/// sends the same bytes again. Create one with the static factories; generated code uses <see cref="Json{T}"/> and
/// <see cref="MultipartFormBuilder"/>.
/// </summary>
public abstract class RequestContent
{
    /// <summary>
    /// Whether <see cref="CreateHttpContent"/> may be called more than once, i.e. whether a failed attempt can be
    /// retried. <see langword="false"/> for a body read from a non-seekable stream: it is sent once, never retried.
    /// </summary>
    public abstract bool IsReplayable { get; }

    /// <summary>Creates the content for one attempt; the pipeline disposes it after the attempt.</summary>
    /// <returns>A new content object carrying the body and its <c>Content-Type</c>.</returns>
    /// <exception cref="InvalidOperationException">The body is not replayable and was already sent.</exception>
    public abstract HttpContent CreateHttpContent();

    /// <summary>
    /// A JSON body, serialized once, now, with the given (source-generated) metadata; each attempt re-sends the
    /// same bytes with <c>Content-Type: application/json; charset=utf-8</c>.
    /// </summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="typeInfo">Serialization metadata, typically <c>MyJsonContext.Default.MyType</c>.</param>
    /// <returns>The content.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is <see langword="null"/>.</exception>
    public static RequestContent Json<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return new BytesRequestContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), JsonMediaType.Utf8);
    }

    /// <summary>A body of raw bytes with the given content type (e.g. <c>application/sdp</c>).</summary>
    /// <param name="bytes">The body; not copied, so do not change it while the call runs.</param>
    /// <param name="contentType">The <c>Content-Type</c> header value.</param>
    /// <returns>The content.</returns>
    public static RequestContent Bytes(ReadOnlyMemory<byte> bytes, string contentType)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        return new BytesRequestContent(bytes, contentType);
    }

    /// <summary>
    /// A body streamed from <paramref name="stream"/>, from its current position, never buffered whole. A seekable
    /// stream is rewound to that position for each retry; a non-seekable one makes the call non-retryable. The stream
    /// stays the caller's: it is not disposed.
    /// </summary>
    /// <param name="stream">The body.</param>
    /// <param name="contentType">The <c>Content-Type</c> header value.</param>
    /// <returns>The content.</returns>
    public static RequestContent Stream(Stream stream, string contentType)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        return new StreamRequestContent(new StreamSource(stream), contentType);
    }

    /// <summary>
    /// A body made by <paramref name="factory"/>, which is called once per attempt and must return a new
    /// <see cref="HttpContent"/> each time (for kinds of content the other factories do not cover).
    /// </summary>
    /// <param name="factory">Creates the content for one attempt.</param>
    /// <returns>The content.</returns>
    public static RequestContent Create(Func<HttpContent> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new FactoryRequestContent(factory);
    }
}
