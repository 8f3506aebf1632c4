using System.Text;
using System.Text.Json;

namespace Tether.EndToEnd.Tests.Conformance;

/// <summary>What an example's text holds: JSON values to test, or why it holds none.</summary>
/// <param name="Values">Each JSON value in the text, rewritten as strict JSON (an SSE sample or a chunk sequence has several).</param>
/// <param name="IsEventStream">The text is a <c>text/event-stream</c> sample (<c>event:</c>/<c>data:</c> lines).</param>
/// <param name="Relaxed">What had to be tolerated to read it (trailing commas, comments), or null for strict JSON.</param>
/// <param name="Problem">Why the text is not JSON, with the place: set when <see cref="Values"/> is empty.</param>
internal sealed record ExamplePayload(IReadOnlyList<string> Values, bool IsEventStream, string? Relaxed, string? Problem)
{
    private static readonly JsonReaderOptions Strict = new() { AllowMultipleValues = true };

    // Hand-written documentation JSON often has trailing commas or // comments; neither changes what the JSON says.
    private static readonly JsonReaderOptions Lenient = new() { AllowMultipleValues = true, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static ExamplePayload Read(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return new ExamplePayload([], false, null, "the example is empty");
        }

        if (trimmed.StartsWith("event:", StringComparison.Ordinal) || trimmed.StartsWith("data:", StringComparison.Ordinal))
        {
            return ReadEventStream(trimmed);
        }

        if (trimmed[0] is not ('{' or '[' or '"') && !trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            return new ExamplePayload([], false, null, $"not JSON: the text starts with '{Shorten(FirstLine(trimmed))}'");
        }

        return ReadValues(trimmed, isEventStream: false);
    }

    private static ExamplePayload ReadEventStream(string text)
    {
        // One event per blank-line-separated block; its data lines joined (SSE), "[DONE]" is the end marker, not JSON.
        var data = new List<string>();
        foreach (var block in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Split('\n').Where(line => line.StartsWith("data:", StringComparison.Ordinal)).Select(line => line["data:".Length..].TrimStart()).ToList();
            if (lines.Count > 0 && string.Join("\n", lines) is var payload && payload != "[DONE]")
            {
                data.Add(payload);
            }
        }

        var values = new List<string>();
        string? relaxed = null;
        foreach (var payload in data)
        {
            var read = ReadValues(payload, isEventStream: true);
            if (read.Problem is not null)
            {
                return read with { Problem = "event " + (values.Count + 1) + " of the stream: " + read.Problem };
            }

            values.AddRange(read.Values);
            relaxed ??= read.Relaxed;
        }

        return values.Count == 0
            ? new ExamplePayload([], true, null, "not JSON: the event stream sample has no data")
            : new ExamplePayload(values, true, relaxed, null);
    }

    private static ExamplePayload ReadValues(string text, bool isEventStream)
    {
        if (TryRead(text, Strict, out var values, out _))
        {
            return new ExamplePayload(values, isEventStream, null, null);
        }

        if (TryRead(text, Lenient, out values, out var error))
        {
            var relaxed = TryRead(text, Strict with { AllowTrailingCommas = true }, out _, out _) ? "trailing commas"
                : TryRead(text, Strict with { CommentHandling = JsonCommentHandling.Skip }, out _, out _) ? "comments"
                : "trailing commas and comments";
            return new ExamplePayload(values, isEventStream, relaxed, null);
        }

        // The lenient reader's complaint: the first thing wrong beyond commas and comments.
        return new ExamplePayload([], isEventStream, null, "not JSON: " + error);
    }

    private static bool TryRead(string text, JsonReaderOptions options, out List<string> values, out string? error)
    {
        values = [];
        error = null;
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, options);
        try
        {
            while (reader.Read())
            {
                using var document = JsonDocument.ParseValue(ref reader);
                values.Add(Normalize(document.RootElement));
            }

            return values.Count > 0;
        }
        catch (JsonException exception)
        {
            var line = (int)(exception.LineNumber ?? 0);
            var column = (int)(exception.BytePositionInLine ?? 0);
            var lines = text.Split('\n');
            var at = line < lines.Length ? lines[line] : string.Empty;
            var near = at.Length > 60 && column > 30 ? at[Math.Min(column - 30, at.Length - 1)..] : at.Trim();
            error = $"line {line + 1}, column {column + 1}: {FirstSentence(exception.Message)}, near '{Shorten(near.Trim())}'";
            return false;
        }
    }

    private static string Normalize(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
