using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Json;

/// <summary>
/// Emits <c>SelectObjectVariant</c>: which of a union's object variants a JSON object is. It walks the object's
/// top-level members on a copy of the reader and records, for each "const" property (the discriminator and other
/// single/few-value enums such as <c>role</c>), which listed value it holds, and which required property names occur.
/// A variant is out when one of its const properties holds a value it does not allow; among the rest the best score
/// wins (discriminator match, then other const matches, then fewest missing and most present required names;
/// earlier variants win ties). When a discriminator value belongs to exactly one variant and every other variant
/// declares that property, the walk stops right there — the common case, usually at the first member.
/// </summary>
internal static class ObjectVariantSelector
{
    // A discriminator match outweighs any number of other const matches, which outweigh any required-name
    // evidence (at most 64 names, so |present - 1000 * missing| stays below 10^5).
    private const string DiscriminatorWeight = "100000000L";
    private const string ConstWeight = "1000000L";
    private const int MaxRequiredNames = 64;
    private const string Scoring = "VariantScore";

    public static void Write(SourceWriter writer, UnionPlan plan, IReadOnlyList<VariantPlan> candidates)
    {
        var table = new ConstTable(candidates);
        var requiredBits = RequiredBits(candidates);
        var probedNames = table.Names.Concat(requiredBits.Keys).Distinct().ToList();
        if (probedNames.Count > 0)
        {
            NameTableCode.WriteField(writer, ProbedField, probedNames);
        }

        for (var p = 0; p < table.Names.Count; p++)
        {
            NameTableCode.WriteField(writer, ConstField(p), table.Values[p]);
        }

        writer.WriteLine();
        writer.WriteLine("private static int SelectObjectVariant(ref Utf8JsonReader reader)");
        writer.OpenBlock();
        writer.WriteLine("var probe = reader;");
        for (var p = 0; p < table.Names.Count; p++)
        {
            writer.WriteLine("var const" + CSharpLiteral.Int(p) + " = -2;");
        }

        if (requiredBits.Count > 0)
        {
            writer.WriteLine("var seen = 0UL;");
        }

        writer.WriteLine("while (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)");
        writer.OpenBlock();
        if (probedNames.Count > 0)
        {
            writer.WriteLine("switch (" + ProbedField + ".Find(ref probe))");
            writer.OpenBlock();
            for (var index = 0; index < probedNames.Count; index++)
            {
                var name = probedNames[index];
                var label = "case " + CSharpLiteral.Int(index) + ":";
                if (table.Names.IndexOf(name) < 0)
                {
                    // Only its presence counts: noted, and its value skipped below like any other.
                    writer.WriteLine(label + " seen |= " + Mask(1UL << requiredBits[name]) + "; break;");
                    continue;
                }

                writer.WriteLine(label);
                writer.Indent();
                WriteProbe(writer, name, table, requiredBits, candidates);
                writer.Dedent();
            }

            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("probe.Read();");
        writer.WriteLine("probe.TrySkip();");
        writer.CloseBlock();
        writer.WriteLine();
        WriteScoring(writer, plan, candidates, table, requiredBits);
        writer.CloseBlock();
    }

    private const string ProbedField = "s_probed";

    private static string ConstField(int p) => "s_const" + CSharpLiteral.Int(p);

    private static void WriteProbe(SourceWriter writer, string name, ConstTable table, Dictionary<string, int> requiredBits, IReadOnlyList<VariantPlan> candidates)
    {
        if (requiredBits.TryGetValue(name, out var bit))
        {
            writer.WriteLine("seen |= " + Mask(1UL << bit) + ";");
        }

        writer.WriteLine("probe.Read();");
        var p = table.Names.IndexOf(name);

        var local = "const" + CSharpLiteral.Int(p);
        writer.WriteLine(local + " = " + ConstField(p) + ".MatchConstant(ref probe);");

        // Early exit: this value is allowed by one variant only, and every other variant excludes it by declaring
        // the property with other values.
        var everyCandidateDeclares = candidates.All(c => c.Model.ConstProperties.Any(cp => cp.JsonName == name));
        var exits = new List<(int Id, int Tag)>();
        if (everyCandidateDeclares)
        {
            for (var id = 0; id < table.Values[p].Count; id++)
            {
                var value = table.Values[p][id];
                var owners = candidates.Where(c => c.Model.ConstProperties.Any(cp => cp.JsonName == name && cp.Values.Contains(value))).ToList();
                if (owners.Count == 1)
                {
                    exits.Add((id, owners[0].Tag));
                }
            }
        }

        if (everyCandidateDeclares)
        {
            // A value no variant lists rules them all out: the object is unrecognized, no need to read further.
            exits.Insert(0, (-1, 0));
        }

        if (exits.Count > 0)
        {
            writer.WriteLine("switch (" + local + ")");
            writer.OpenBlock();
            foreach (var (id, tag) in exits)
            {
                writer.WriteLine("case " + CSharpLiteral.Int(id) + ": return " + CSharpLiteral.Int(tag) + ";");
            }

            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("continue;");
    }

    private static void WriteScoring(SourceWriter writer, UnionPlan plan, IReadOnlyList<VariantPlan> candidates, ConstTable table, Dictionary<string, int> requiredBits)
    {
        writer.WriteLine("var best = 0;");
        writer.WriteLine("var bestScore = long.MinValue;");
        foreach (var candidate in candidates)
        {
            var conditions = new List<string>();
            var terms = new List<string>();
            foreach (var constProperty in candidate.Model.ConstProperties)
            {
                var p = table.Names.IndexOf(constProperty.JsonName);
                var local = "const" + CSharpLiteral.Int(p);
                // Absent (-2) never rules a variant out: six discriminators in the spec are not required.
                var ids = new[] { -2 }.Concat(constProperty.Values.Select(v => table.Values[p].IndexOf(v)).Distinct().OrderBy(id => id));
                conditions.Add(local + " is " + string.Join(" or ", ids.Select(CSharpLiteral.Int)));
                var weight = constProperty.JsonName == plan.Model.DiscriminatorProperty ? DiscriminatorWeight : ConstWeight;
                terms.Add("(" + local + " >= 0 ? " + weight + " : 0L)");
            }

            var mask = 0UL;
            var requiredCount = 0;
            foreach (var required in candidate.Model.RequiredProperties.Distinct())
            {
                if (requiredBits.TryGetValue(required, out var bit))
                {
                    mask |= 1UL << bit;
                    requiredCount++;
                }
            }

            if (requiredCount > 0)
            {
                terms.Add(Scoring + ".Required(seen, " + Mask(mask) + ", " + CSharpLiteral.Int(requiredCount) + ")");
            }

            var consider = Scoring + ".Consider(ref best, ref bestScore, " + CSharpLiteral.Int(candidate.Tag) + ", " + (terms.Count == 0 ? "0L" : string.Join(" + ", terms)) + ");";
            writer.WriteLine("// " + candidate.Model.Name);
            writer.WriteLine(conditions.Count == 0 ? consider : "if (" + string.Join(" && ", conditions.Select(c => "(" + c + ")")) + ") " + consider);
        }

        writer.WriteLine("return best;");
    }

    private static Dictionary<string, int> RequiredBits(IReadOnlyList<VariantPlan> candidates)
    {
        var bits = new Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            foreach (var name in candidate.Model.RequiredProperties)
            {
                if (!bits.ContainsKey(name) && bits.Count < MaxRequiredNames)
                {
                    bits.Add(name, bits.Count);
                }
            }
        }

        // A name every candidate requires tells none apart; it only costs a probe.
        foreach (var name in bits.Keys.ToList())
        {
            if (candidates.All(c => c.Model.RequiredProperties.Contains(name)))
            {
                bits.Remove(name);
            }
        }

        // Renumber densely so that masks stay small.
        return bits.OrderBy(pair => pair.Value).Select((pair, index) => (pair.Key, index)).ToDictionary(x => x.Key, x => x.index, System.StringComparer.Ordinal);
    }

    private static string Mask(ulong mask) => "0x" + mask.ToString("X", CultureInfo.InvariantCulture) + "UL";

    /// <summary>The const properties of all candidates, in first-seen order, each with its values in first-seen order.</summary>
    private sealed class ConstTable
    {
        public ConstTable(IReadOnlyList<VariantPlan> candidates)
        {
            foreach (var candidate in candidates)
            {
                foreach (var constProperty in candidate.Model.ConstProperties)
                {
                    var p = Names.IndexOf(constProperty.JsonName);
                    if (p < 0)
                    {
                        Names.Add(constProperty.JsonName);
                        Values.Add(new List<string>());
                        p = Names.Count - 1;
                    }

                    foreach (var value in constProperty.Values)
                    {
                        if (!Values[p].Contains(value))
                        {
                            Values[p].Add(value);
                        }
                    }
                }
            }
        }

        public List<string> Names { get; } = new();

        public List<List<string>> Values { get; } = new();
    }
}
