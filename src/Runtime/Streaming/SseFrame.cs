using System.Text.Json;

namespace Tether;

/// <summary>What one server-sent event turned out to be, decided while its bytes are still available.</summary>
internal enum SseFrameKind
{
    Item,
    Done,
    Error,
    Invalid,
}

/// <summary>
/// One event, classified inside the SSE parser's callback (where the data span is valid) so that the reader can
/// act on it afterwards: an item, the end marker, an error payload (copied), or a payload the parser rejected.
/// </summary>
internal readonly struct SseFrame<T>
{
    private SseFrame(SseFrameKind kind, string eventType, T item, byte[]? errorData, JsonException? failure)
    {
        Kind = kind;
        EventType = eventType;
        Item = item;
        ErrorData = errorData;
        Failure = failure;
    }

    public SseFrameKind Kind { get; }

    public string EventType { get; }

    public T Item { get; }

    public byte[]? ErrorData { get; }

    public JsonException? Failure { get; }

    public static SseFrame<T> ForItem(string eventType, T item) => new(SseFrameKind.Item, eventType, item, null, null);

    public static SseFrame<T> ForDone(string eventType) => new(SseFrameKind.Done, eventType, default!, null, null);

    public static SseFrame<T> ForError(string eventType, byte[] data) => new(SseFrameKind.Error, eventType, default!, data, null);

    public static SseFrame<T> ForInvalid(string eventType, JsonException failure) => new(SseFrameKind.Invalid, eventType, default!, null, failure);
}
