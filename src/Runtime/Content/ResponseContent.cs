using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Tether;

/// <summary>Reads successful responses: JSON with source-generated metadata, whole bytes, or a stream.</summary>
public static class ResponseContent
{
    /// <summary>
    /// Deserializes the body with <paramref name="typeInfo"/> (no reflection). A body that is not valid JSON, is not
    /// the root type <typeparamref name="T"/> at all, or is JSON <c>null</c> throws
    /// <see cref="TetherSerializationException"/> with the status, request id and position. A member of a generated
    /// type whose value is of another JSON kind than declared is kept raw in its object's <c>AdditionalProperties</c>
    /// (see <see cref="TetherMismatchExtensions.GetMismatches"/>).
    /// </summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="response">The response; not disposed.</param>
    /// <param name="typeInfo">Serialization metadata, typically <c>MyJsonContext.Default.MyType</c>.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The value.</returns>
    /// <exception cref="TetherSerializationException">The body could not be read as <typeparamref name="T"/>.</exception>
    public static Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        ReadJsonAsync(response, typeInfo, journal: null, cancellationToken);

    /// <summary>
    /// <see cref="ReadJsonAsync{T}(HttpResponseMessage, JsonTypeInfo{T}, CancellationToken)"/> with the converters
    /// reporting what they tolerate to <paramref name="journal"/> (which may make it an error).
    /// </summary>
    internal static async Task<T> ReadJsonAsync<T>(
        HttpResponseMessage response, JsonTypeInfo<T> typeInfo, Tether.Primitives.ToleranceJournal? journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (journal is not null)
        {
            // Seen by the converters through every await of DeserializeAsync; undone when this method returns.
            Tether.Primitives.ToleranceJournal.Current = journal;
        }

        Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        T? value;
        await using (body.ConfigureAwait(false))
        {
            try
            {
                value = await JsonSerializer.DeserializeAsync(body, typeInfo, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw SerializationFailure.FromJsonException(ex, typeInfo.Type, response, context: "The response body");
            }
        }

        return value ?? throw SerializationFailure.NullValue(typeInfo.Type, response, context: "The response body");
    }

    /// <summary>Reads the whole body into an array.</summary>
    /// <param name="response">The response; not disposed.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The body's bytes.</returns>
    public static Task<byte[]> ReadBytesAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>
    /// Hands the body over as a stream that owns <paramref name="response"/>: disposing the stream disposes the
    /// response and releases its connection.
    /// </summary>
    /// <param name="response">The response; owned by the returned stream from now on.</param>
    /// <param name="cancellationToken">Cancels opening the body.</param>
    /// <returns>The body stream.</returns>
    public static async Task<TetherResponseStream> OpenStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new TetherResponseStream(response, body);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
