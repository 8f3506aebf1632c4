using System;

namespace Tether;

/// <summary>
/// Turns one server-sent event into an item of a stream (see <see cref="TetherPipeline.StreamEventsAsync{T}(TetherRequest, SseEventParser{T}, System.Threading.CancellationToken)"/>).
/// Not called for <c>[DONE]</c> or error events, which the pipeline handles. Throw
/// <see cref="System.Text.Json.JsonException"/> for data that does not fit; it becomes a
/// <see cref="TetherSerializationException"/>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="eventType">The event's <c>event:</c> field, or <c>message</c> when it has none.</param>
/// <param name="data">The event's <c>data:</c> lines, joined with <c>\n</c>, as UTF-8; valid only during the call.</param>
/// <returns>The item.</returns>
public delegate T SseEventParser<T>(string eventType, ReadOnlySpan<byte> data);
