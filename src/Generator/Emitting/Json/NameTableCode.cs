using System.Collections.Generic;
using System.Text;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Json;

/// <summary>
/// The static <c>Tether.Primitives.JsonNameTable</c> of a converter: the JSON names it knows, in the order its
/// <c>switch</c> numbers them, wrapped so that no line runs far past the screen.
/// </summary>
internal static class NameTableCode
{
    public const string TableType = "JsonNameTable";

    private const int LineWidth = 140;

    public static void WriteField(SourceWriter writer, string field, IReadOnlyList<string> names) =>
        Write(writer, "private static readonly " + TableType + " " + field + " = new(", names);

    /// <summary>The table as the static <c>Names</c> property an object codec declares.</summary>
    public static void WriteProperty(SourceWriter writer, string property, IReadOnlyList<string> names) =>
        Write(writer, "public static " + TableType + " " + property + " { get; } = new(", names);

    private static void Write(SourceWriter writer, string declaration, IReadOnlyList<string> names)
    {
        var literals = new List<string>(names.Count);
        var total = declaration.Length + 2;
        foreach (var name in names)
        {
            var literal = CSharpLiteral.String(name);
            literals.Add(literal);
            total += literal.Length + 2;
        }

        if (total <= LineWidth)
        {
            writer.WriteLine(declaration + string.Join(", ", literals) + ");");
            return;
        }

        writer.WriteLine(declaration);
        writer.Indent();
        var line = new StringBuilder();
        for (var i = 0; i < literals.Count; i++)
        {
            var piece = literals[i] + (i == literals.Count - 1 ? ");" : ",");
            if (line.Length > 0 && line.Length + 1 + piece.Length > LineWidth)
            {
                writer.WriteLine(line.ToString());
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(piece);
        }

        writer.WriteLine(line.ToString());
        writer.Dedent();
    }
}
