using System;
using System.IO;

namespace Tether;

/// <summary>
/// A file for a <c>multipart/form-data</c> operation (uploads, transcriptions, image edits): the bytes as a
/// <see cref="Stream"/>, the file name the server sees, and the part's content type. Generated operations take one per
/// binary field and stream it (see <see cref="MultipartFormBuilder.AddFile(string, Stream, string, string?)"/>): the
/// file is never read into memory whole.
/// </summary>
/// <example>
/// <code>
/// await using FileStream audio = File.OpenRead("meeting.mp3");
/// var transcript = await client.Audio.CreateTranscriptionAsync(new FileUpload(audio, "meeting.mp3", "audio/mpeg"), "whisper-1");
/// </code>
/// </example>
public sealed class FileUpload
{
    /// <summary>Describes a file to upload from a stream.</summary>
    /// <param name="content">
    /// The file's bytes, read from the current position. A seekable stream is rewound for each retry; a non-seekable one
    /// makes the call non-retryable. The stream stays the caller's: it is not disposed.
    /// </param>
    /// <param name="fileName">The file name the server sees (servers often infer the format from its extension).</param>
    /// <param name="contentType">The part's content type; <c>application/octet-stream</c> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> or <paramref name="fileName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is empty.</exception>
    public FileUpload(Stream content, string fileName, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        Content = content;
        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>Describes a file to upload from bytes in memory (not copied: do not change them while the call runs).</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="fileName">The file name the server sees.</param>
    /// <param name="contentType">The part's content type; <c>application/octet-stream</c> when <see langword="null"/>.</param>
    /// <returns>The upload, over a read-only stream on <paramref name="content"/>.</returns>
    public static FileUpload FromBytes(byte[] content, string fileName, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new FileUpload(new MemoryStream(content, writable: false), fileName, contentType);
    }

    /// <summary>The file's bytes.</summary>
    public Stream Content { get; }

    /// <summary>The file name sent in the part's <c>Content-Disposition</c>.</summary>
    public string FileName { get; }

    /// <summary>The part's content type, or <see langword="null"/> for <c>application/octet-stream</c>.</summary>
    public string? ContentType { get; }

    /// <summary>The file name and content type, for diagnostics.</summary>
    /// <returns>E.g. <c>meeting.mp3 (audio/mpeg)</c>.</returns>
    public override string ToString() => $"{FileName} ({ContentType ?? "application/octet-stream"})";
}
