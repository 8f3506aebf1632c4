using System;
using System.Collections.Generic;
using System.Globalization;

namespace Tether.Generator.Emitting;

/// <summary>One string the generated code recognises, and the statements to run when it matches.</summary>
/// <param name="Body">Writes the statements; they must leave the switch (<c>continue</c>, <c>return</c>, <c>goto</c>).</param>
internal sealed class Utf8Case(string text, Action<SourceWriter> body)
{
    public string Text { get; } = text;

    public byte[] Bytes { get; } = Utf8Text.GetBytes(text);

    public Action<SourceWriter> Body { get; } = body;
}

/// <summary>
/// Emits a match of a UTF-8 span against known strings without comparing it to each of them: a switch on the length
/// (a jump table), then, where many strings share a length, a switch on the byte that best tells them apart, and
/// only then a vectorised comparison (<c>JsonSupport.Matches</c>) against the one or few candidates left. A 60-property object therefore
/// costs about two jumps and one comparison per JSON property instead of up to 60 string compares.
/// </summary>
internal static class Utf8Switch
{
    // Below this many candidates a byte switch costs more than it saves.
    private const int MaxLinearCandidates = 3;

    /// <summary>Writes the match. Falls through (to the code after it) when nothing matches.</summary>
    public static void Write(SourceWriter writer, string span, IReadOnlyList<Utf8Case> cases)
    {
        if (cases.Count == 0)
        {
            return;
        }

        var byLength = new SortedDictionary<int, List<Utf8Case>>();
        foreach (var item in cases)
        {
            if (!byLength.TryGetValue(item.Bytes.Length, out var bucket))
            {
                bucket = new List<Utf8Case>();
                byLength.Add(item.Bytes.Length, bucket);
            }

            bucket.Add(item);
        }

        writer.WriteLine("switch (" + span + ".Length)");
        writer.OpenBlock();
        foreach (var pair in byLength)
        {
            writer.WriteLine("case " + pair.Key.ToString(CultureInfo.InvariantCulture) + ":");
            writer.Indent();
            WriteBucket(writer, span, pair.Value, new HashSet<int>());
            writer.WriteLine("break;");
            writer.Dedent();
        }

        writer.CloseBlock();
    }

    private static void WriteBucket(SourceWriter writer, string span, List<Utf8Case> bucket, HashSet<int> decidedPositions)
    {
        var position = bucket.Count > MaxLinearCandidates ? BestPosition(bucket, decidedPositions) : -1;
        if (position < 0)
        {
            foreach (var item in bucket)
            {
                writer.WriteLine("if (JsonSupport.Matches(" + span + ", " + CSharpLiteral.Utf8(item.Text) + "))");
                writer.OpenBlock();
                item.Body(writer);
                writer.CloseBlock();
            }

            return;
        }

        var byByte = new SortedDictionary<byte, List<Utf8Case>>();
        foreach (var item in bucket)
        {
            var key = item.Bytes[position];
            if (!byByte.TryGetValue(key, out var group))
            {
                group = new List<Utf8Case>();
                byByte.Add(key, group);
            }

            group.Add(item);
        }

        decidedPositions.Add(position);
        writer.WriteLine("switch (" + span + "[" + position.ToString(CultureInfo.InvariantCulture) + "])");
        writer.OpenBlock();
        foreach (var pair in byByte)
        {
            writer.WriteLine("case 0x" + pair.Key.ToString("X2", CultureInfo.InvariantCulture) + ":");
            writer.Indent();
            WriteBucket(writer, span, pair.Value, decidedPositions);
            writer.WriteLine("break;");
            writer.Dedent();
        }

        writer.CloseBlock();
        decidedPositions.Remove(position);
    }

    // The byte position with the most distinct values among the candidates; -1 when no position splits them.
    private static int BestPosition(List<Utf8Case> bucket, HashSet<int> decidedPositions)
    {
        var length = bucket[0].Bytes.Length;
        var best = -1;
        var bestDistinct = 1;
        var seen = new HashSet<byte>();
        for (var position = 0; position < length; position++)
        {
            if (decidedPositions.Contains(position))
            {
                continue;
            }

            seen.Clear();
            foreach (var item in bucket)
            {
                seen.Add(item.Bytes[position]);
            }

            if (seen.Count > bestDistinct)
            {
                best = position;
                bestDistinct = seen.Count;
            }
        }

        return best;
    }
}
