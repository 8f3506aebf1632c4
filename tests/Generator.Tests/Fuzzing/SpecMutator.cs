using System.Text;
using System.Text.RegularExpressions;

namespace Tether.Generator.Tests.Fuzzing;

/// <summary>A mutated spec and a description of what was done to it (for the failure report).</summary>
internal sealed record Mutant(string Text, string Description);

/// <summary>
/// Breaks a YAML or pretty-printed JSON spec in one of the ways of <see cref="MutationKind"/>. Works on the text, not
/// on a parsed tree, so that the damage is the kind a file really gets (half a node, a broken indent) and the
/// result is often not a valid document at all. Deterministic for a given <see cref="Random"/>.
/// </summary>
internal static partial class SpecMutator
{
    private static readonly MutationKind[] Simple = Enum.GetValues<MutationKind>().Where(kind => kind != MutationKind.Combined).ToArray();

    private static readonly string[] TypeValues = ["string", "object", "array", "integer", "number", "boolean", "null", "bogus"];

    private static readonly string[] TypeLists = ["[\"string\", \"null\"]", "[\"object\", \"array\"]", "[]", "[\"integer\", \"string\", \"null\"]"];

    private static readonly string[] EnumReplacements =
    [
        "[]",
        "[1, 2]",
        "[null]",
        "[\"a\", \"a\"]",
        "[\"\", \" \"]",
        "[{\"x\": 1}]",
        "[[\"nested\"]]",
        "[\"gpt-4.1-2025-04-14\", \"1024x1024\", \"two words\", \"ünïcödé\", \"class\", \"123\", \"_\", \"-\"]",
        "[true, false]",
        "\"not-a-list\"",
        "{}",
        "null",
    ];

    private static readonly string[] ScalarReplacements = ["1", "null", "\"\"", "[\"a\"]", "{\"a\": 1}", "\"changed-value\"", "true", "\"9lives\""];

    private static readonly string[] VersionValues = ["\"2.0\"", "\"3.2.0\"", "\"4.0.0\"", "\"3\"", "\"\"", "\"3.1\"", "\"three\"", "3.1", "null", "[\"3.1.0\"]"];

    private static readonly char[] Noise = [':', '-', '\'', '"', '{', '}', '[', ']', '\t', '#', '&', '*', '!', '|', '>', '%', '@', ',', '\n', '\0', '\uFFFD', 'x', '9', ' '];

    public static Mutant Apply(string text, MutationKind kind, Random random, bool isJson)
    {
        if (kind != MutationKind.Combined)
        {
            return ApplySimple(text, kind, random, isJson);
        }

        var steps = random.Next(2, 5);
        var descriptions = new List<string>();
        for (var i = 0; i < steps; i++)
        {
            var mutant = ApplySimple(text, Simple[random.Next(Simple.Length)], random, isJson);
            text = mutant.Text;
            descriptions.Add(mutant.Description);
        }

        return new Mutant(text, "combined: " + string.Join(" + ", descriptions));
    }

    private static Mutant ApplySimple(string text, MutationKind kind, Random random, bool isJson) => kind switch
    {
        MutationKind.Truncate => Truncate(text, random),
        MutationKind.DeleteLine => DeleteLine(text, random),
        MutationKind.DeleteNode => DeleteNode(text, random, isJson),
        MutationKind.BreakReference => BreakReference(text, random),
        MutationKind.SwapType => SwapType(text, random, isJson),
        MutationKind.BadIndentation => BadIndentation(text, random),
        MutationKind.DuplicateKey => DuplicateKey(text, random),
        MutationKind.EditEnum => EditEnum(text, random, isJson),
        MutationKind.EditVersion => EditVersion(text, random),
        MutationKind.CorruptCharacters => CorruptCharacters(text, random),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static Mutant Truncate(string text, Random random)
    {
        var offset = random.Next(text.Length + 1);
        return new Mutant(text[..offset], $"truncated at offset {offset} (line {LineOf(text, offset)})");
    }

    private static Mutant DeleteLine(string text, Random random)
    {
        var lines = Lines(text);
        var candidates = Enumerable.Range(0, lines.Count).Where(i => lines[i].Trim().Length > 0).ToList();
        if (candidates.Count == 0)
        {
            return new Mutant(text, "no line to delete");
        }

        var index = candidates[random.Next(candidates.Count)];
        lines.RemoveAt(index);
        return new Mutant(Join(lines), $"deleted line {index + 1}");
    }

    private static Mutant DeleteNode(string text, Random random, bool isJson)
    {
        var lines = Lines(text);
        var keys = KeyLines(lines, allowListItems: true);
        if (keys.Count == 0)
        {
            return DeleteLine(text, random);
        }

        var index = keys[random.Next(keys.Count)];
        var end = BlockEnd(lines, index, isJson);
        var key = KeyOf(lines[index]);
        lines.RemoveRange(index, end - index);
        return new Mutant(Join(lines), $"deleted node '{key}' at line {index + 1} ({end - index} lines)");
    }

    private static Mutant DuplicateKey(string text, Random random)
    {
        var lines = Lines(text);
        var keys = KeyLines(lines, allowListItems: false);
        if (keys.Count == 0)
        {
            return DeleteLine(text, random);
        }

        var index = keys[random.Next(keys.Count)];
        var end = BlockEnd(lines, index, isJson: false);
        var block = lines.GetRange(index, end - index);
        lines.InsertRange(end, block);
        return new Mutant(Join(lines), $"duplicated key '{KeyOf(lines[index])}' at line {index + 1} ({block.Count} lines)");
    }

    private static Mutant BreakReference(string text, Random random)
    {
        var references = ReferencePattern().Matches(text);
        if (references.Count == 0)
        {
            return CorruptCharacters(text, random);
        }

        var match = references[random.Next(references.Count)];
        var value = match.Groups["value"];
        var original = value.Value;
        var otherTarget = references[random.Next(references.Count)].Groups["value"].Value;
        var replacement = random.Next(10) switch
        {
            0 => original + "Missing",
            1 => "#/components/schemas/",
            2 => "#/components/schemas/Does Not Exist",
            3 => "other.yaml#/Foo",
            4 => "#",
            5 => string.Empty,
            6 => "#/components/responses/TooManyRequests",
            7 => "https://example.invalid/spec.yaml#/components/schemas/X",
            8 => original[..random.Next(original.Length + 1)],
            _ => otherTarget, // an existing schema in the wrong place, sometimes the schema itself (a cycle)
        };

        var mutated = text[..value.Index] + replacement + text[(value.Index + value.Length)..];
        return new Mutant(mutated, $"$ref '{original}' at line {LineOf(text, match.Index)} → '{replacement}'");
    }

    private static Mutant SwapType(string text, Random random, bool isJson)
    {
        var types = TypePattern().Matches(text);
        if (types.Count == 0)
        {
            return CorruptCharacters(text, random);
        }

        var match = types[random.Next(types.Count)];
        var token = match.Groups["token"];
        var original = match.Groups["value"].Value;
        string replacement;
        if (random.Next(5) == 0)
        {
            replacement = TypeLists[random.Next(TypeLists.Length)];
        }
        else
        {
            var swapped = TypeValues.Where(value => value != original).ToArray()[random.Next(TypeValues.Length - 1)];
            replacement = isJson || swapped == "null" ? "\"" + swapped + "\"" : swapped;
        }

        var mutated = text[..token.Index] + replacement + text[(token.Index + token.Length)..];
        return new Mutant(mutated, $"type '{original}' at line {LineOf(text, match.Index)} → {replacement}");
    }

    private static Mutant BadIndentation(string text, Random random)
    {
        var lines = Lines(text);
        var candidates = Enumerable.Range(0, lines.Count).Where(i => lines[i].Trim().Length > 0).ToList();
        if (candidates.Count == 0)
        {
            return new Mutant(text, "no line to indent");
        }

        var index = candidates[random.Next(candidates.Count)];
        var line = lines[index];
        var indent = line.Length - line.TrimStart(' ').Length;
        string change;
        switch (random.Next(4))
        {
            case 0:
                var added = random.Next(1, 4);
                lines[index] = new string(' ', added) + line;
                change = $"+{added} spaces";
                break;
            case 1 when indent > 0:
                var removed = Math.Min(indent, random.Next(1, 3));
                lines[index] = line[removed..];
                change = $"-{removed} spaces";
                break;
            case 2:
                lines[index] = "\t" + line.TrimStart(' ');
                change = "a tab instead of spaces";
                break;
            default:
                lines[index] = line.TrimStart(' ');
                change = "indentation removed";
                break;
        }

        return new Mutant(Join(lines), $"line {index + 1}: {change}");
    }

    private static Mutant EditEnum(string text, Random random, bool isJson)
    {
        var enums = EnumPattern().Matches(text);
        var consts = ConstPattern().Matches(text);
        if (enums.Count == 0 && consts.Count == 0)
        {
            return SwapType(text, random, isJson);
        }

        if (consts.Count > 0 && (enums.Count == 0 || random.Next(4) == 0))
        {
            var constant = consts[random.Next(consts.Count)];
            var value = constant.Groups["value"];
            var replacement = ScalarReplacements[random.Next(ScalarReplacements.Length)];
            var edited = text[..value.Index] + replacement + text[(value.Index + value.Length)..];
            return new Mutant(edited, $"const at line {LineOf(text, constant.Index)} → {replacement}");
        }

        var match = enums[random.Next(enums.Count)];
        var valueStart = match.Index + match.Length;
        var line = LineOf(text, match.Index);
        if (valueStart < text.Length && text[valueStart] == '[')
        {
            var valueEnd = MatchingBracket(text, valueStart);
            var original = text[valueStart..valueEnd];
            if (random.Next(4) == 0 && original.Count(c => c == ',') == 0 && original.Length > 2)
            {
                // A single-value enum written as the const it means, on the same key.
                var keyword = match.Groups["keyword"];
                var single = original[1..^1].Trim();
                var asConst = text[..keyword.Index] + "const" + text[(keyword.Index + keyword.Length)..valueStart] + single + text[valueEnd..];
                return new Mutant(asConst, $"enum {original} at line {line} → const {single}");
            }

            var replacement = EnumReplacements[random.Next(EnumReplacements.Length)];
            return new Mutant(text[..valueStart] + replacement + text[valueEnd..], $"enum {Shorten(original)} at line {line} → {replacement}");
        }

        // Block form: "enum:" followed by "- value" lines.
        var lines = Lines(text);
        var enumLine = line - 1;
        var items = new List<int>();
        for (var i = enumLine + 1; i < lines.Count && lines[i].TrimStart().StartsWith('-'); i++)
        {
            items.Add(i);
        }

        if (items.Count == 0)
        {
            var replacement = EnumReplacements[random.Next(EnumReplacements.Length)];
            lines[enumLine] += " " + replacement;
            return new Mutant(Join(lines), $"empty enum at line {line} given {replacement}");
        }

        var item = items[random.Next(items.Count)];
        var dash = lines[item].IndexOf('-', StringComparison.Ordinal);
        var newValue = random.Next(3) == 0
            ? lines[items[random.Next(items.Count)]][(dash + 1)..].Trim() // a duplicate of a sibling
            : ScalarReplacements[random.Next(ScalarReplacements.Length)];
        var before = lines[item].Trim();
        lines[item] = lines[item][..(dash + 1)] + " " + newValue;
        return new Mutant(Join(lines), $"enum item '{before}' at line {item + 1} → {newValue}");
    }

    private static Mutant EditVersion(string text, Random random)
    {
        var match = VersionPattern().Match(text);
        if (!match.Success)
        {
            return Truncate(text, random);
        }

        var line = LineOf(text, match.Index);
        switch (random.Next(3))
        {
            case 0:
                var lines = Lines(text);
                lines.RemoveAt(line - 1);
                return new Mutant(Join(lines), $"openapi version line {line} removed");
            case 1:
                var key = match.Groups["key"];
                return new Mutant(text[..key.Index] + "swagger" + text[(key.Index + key.Length)..], $"openapi key at line {line} renamed to swagger");
            default:
                var value = match.Groups["value"];
                var replacement = VersionValues[random.Next(VersionValues.Length)];
                return new Mutant(text[..value.Index] + replacement + text[(value.Index + value.Length)..], $"openapi version at line {line} → {replacement}");
        }
    }

    private static Mutant CorruptCharacters(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, 6);
        var descriptions = new List<string>();
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(builder.Length + 1);
            var noise = Noise[random.Next(Noise.Length)];
            switch (random.Next(3))
            {
                case 0:
                    builder.Insert(at, noise);
                    descriptions.Add($"inserted U+{(int)noise:X4} at {at}");
                    break;
                case 1 when at < builder.Length:
                    descriptions.Add($"removed U+{(int)builder[at]:X4} at {at}");
                    builder.Remove(at, 1);
                    break;
                default:
                    if (at < builder.Length)
                    {
                        descriptions.Add($"replaced U+{(int)builder[at]:X4} at {at} with U+{(int)noise:X4}");
                        builder[at] = noise;
                    }

                    break;
            }
        }

        return new Mutant(builder.ToString(), "characters: " + string.Join(", ", descriptions));
    }

    /// <summary>Indices of lines that start a mapping entry (<c>key:</c> or <c>"key":</c>), optionally also list items.</summary>
    private static List<int> KeyLines(List<string> lines, bool allowListItems)
    {
        var pattern = allowListItems ? ListOrKeyLinePattern() : KeyLinePattern();
        return Enumerable.Range(0, lines.Count).Where(i => pattern.IsMatch(lines[i])).ToList();
    }

    /// <summary>The index after the block a key line opens: every following line that is blank or indented deeper.</summary>
    private static int BlockEnd(List<string> lines, int start, bool isJson)
    {
        var indent = Indent(lines[start]);
        var end = start + 1;
        while (end < lines.Count && (lines[end].Trim().Length == 0 || Indent(lines[end]) > indent))
        {
            end++;
        }

        // Pretty-printed JSON closes the block on a line at the key's own indentation.
        if (isJson && end < lines.Count && Indent(lines[end]) == indent && lines[end].TrimStart() is ['}' or ']', ..])
        {
            end++;
        }

        return end;
    }

    private static int MatchingBracket(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '[':
                    depth++;
                    break;
                case ']':
                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }
        }

        return text.Length;
    }

    private static string KeyOf(string line) => Shorten(line.Trim().TrimStart('-').Trim().Split(':')[0].Trim('"', '\''));

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..37] + "...";

    private static int Indent(string line) => line.Length - line.TrimStart(' ', '-').Length;

    private static List<string> Lines(string text) => [.. text.Split('\n')];

    private static string Join(List<string> lines) => string.Join('\n', lines);

    private static int LineOf(string text, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    [GeneratedRegex("""\$ref["']?[ \t]*:[ \t]*(?<quote>["']?)(?<value>[^"'\s,}]*)\k<quote>""")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex("""\btype["']?[ \t]*:[ \t]*(?<token>(?<quote>["']?)(?<value>[A-Za-z]+)\k<quote>)""")]
    private static partial Regex TypePattern();

    [GeneratedRegex("""\b(?<keyword>enum)["']?[ \t]*:[ \t]*""")]
    private static partial Regex EnumPattern();

    [GeneratedRegex("""\bconst["']?[ \t]*:[ \t]*(?<value>[^,\n}]*)""")]
    private static partial Regex ConstPattern();

    [GeneratedRegex("""^[ \t]*["']?(?<key>openapi)["']?[ \t]*:[ \t]*(?<value>[^,\n]*)""", RegexOptions.Multiline)]
    private static partial Regex VersionPattern();

    [GeneratedRegex("""^[ ]*["']?[^\s:#"'{}\[\]-][^:#"'{}\[\]]*["']?[ \t]*:""")]
    private static partial Regex KeyLinePattern();

    [GeneratedRegex("""^[ ]*(-[ ]+)?["']?[^\s:#"'{}\[\]-][^:#"'{}\[\]]*["']?[ \t]*:""")]
    private static partial Regex ListOrKeyLinePattern();
}
