using System;
using System.Text;

namespace Tether.Benchmarks.Payloads;

/// <summary>
/// Deterministic English-looking prose for payloads: the same seed always gives the same text, so every run and every
/// client sees byte-identical responses, and the text has the word lengths, punctuation and occasional non-ASCII
/// characters (which JSON writers escape differently) of a real model answer.
/// </summary>
internal sealed class ProseGenerator
{
    private static readonly string[] Words =
    [
        "the", "a", "of", "to", "and", "in", "is", "that", "for", "it", "as", "with", "on", "be", "by", "this", "are",
        "or", "from", "at", "which", "can", "an", "not", "when", "request", "response", "connection", "server", "client",
        "timeout", "stream", "token", "model", "latency", "network", "keepalive", "retry", "payload", "schema",
        "configuration", "performance", "allocation", "throughput", "gateway", "idle", "packet", "socket", "handler",
        "serialization", "function", "argument", "result", "value", "example", "usually", "because", "however",
        "therefore", "approximately", "measured", "between", "each", "every", "should", "would", "could", "before",
        "after", "during", "naïve", "café", "résumé", "—", "São", "Zürich",
    ];

    private ulong _state;

    public ProseGenerator(ulong seed) => _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;

    /// <summary>Sentences totalling about <paramref name="approximateLength"/> characters (never fewer).</summary>
    public string Text(int approximateLength)
    {
        var builder = new StringBuilder(approximateLength + 64);
        while (builder.Length < approximateLength)
        {
            AppendSentence(builder);
        }

        return builder.ToString();
    }

    /// <summary>One word, for a streamed token; every fourth one without the leading space, as tokenizers split words.</summary>
    public string Token() => (Next(4) == 0 ? string.Empty : " ") + Words[Next(Words.Length)];

    /// <summary>A lower-case identifier fragment of the given length, for ids (<c>msg_…</c>, <c>call_…</c>).</summary>
    public string Identifier(int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var chars = new char[length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[Next(alphabet.Length)];
        }

        return new string(chars);
    }

    public int Next(int exclusiveMax)
    {
        // xorshift64*: fast, deterministic and good enough to vary word choice.
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return (int)((_state * 0x2545F4914F6CDD1DUL >> 33) % (ulong)exclusiveMax);
    }

    private void AppendSentence(StringBuilder builder)
    {
        if (builder.Length > 0)
        {
            builder.Append(Next(6) == 0 ? "\n\n" : " ");
        }

        var words = 6 + Next(14);
        for (var i = 0; i < words; i++)
        {
            var word = Words[Next(Words.Length)];
            if (i == 0)
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
            else
            {
                builder.Append(i % 7 == 6 ? ", " : " ").Append(word);
            }
        }

        builder.Append(Next(10) == 0 ? "?" : ".");
    }
}
