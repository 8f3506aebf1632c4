namespace Tether;

/// <summary>Media types the runtime sends and expects.</summary>
internal static class JsonMediaType
{
    public const string Json = "application/json";
    public const string Utf8 = "application/json; charset=utf-8";
    public const string EventStream = "text/event-stream";
}
