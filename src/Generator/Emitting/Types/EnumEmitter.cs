using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Types;

/// <summary>
/// A string enum → <c>readonly partial struct</c> over its string: the known values as static properties, any other
/// string accepted (implicitly converted from <c>string</c>) so that a value newer than the client deserializes and
/// round-trips. Equality is ordinal on the string. The struct is one reference wide and the known values are
/// interned literals, so using them allocates nothing.
/// </summary>
internal static class EnumEmitter
{
    public static void Emit(SourceWriter writer, EnumTypeModel model, EmitContext context)
    {
        var name = model.Name;
        XmlDoc.WriteSummary(writer, model.Description, "The " + XmlDoc.Code(name) + " values.");
        XmlDoc.WriteRemarks(writer, "Values not listed here are accepted too: the API may add new ones.");
        GeneratedAttributes.WriteObsoleteIf(writer, model.Deprecated);
        GeneratedAttributes.WriteJsonConverter(writer, context, name);
        writer.WriteLine(context.Accessibility + " readonly partial struct " + name + " : global::System.IEquatable<" + name + ">");
        writer.OpenBlock();
        writer.WriteLine("private readonly string? _value;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Wraps any value, including one this client does not list.</summary>");
        writer.WriteLine("public " + name + "(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        writer.WriteLine("/// <summary>Wraps any value, including one this client does not list.</summary>");
        writer.WriteLine("public static implicit operator " + name + "(string value) => new " + name + "(value);");

        // The known values, one after the other: a list, not a set of members to tell apart.
        if (model.Members.Count > 0)
        {
            writer.WriteLine();
        }

        foreach (var member in model.Members)
        {
            writer.WriteLine("/// <summary>" + XmlDoc.Code(member.Value) + "</summary>");
            writer.WriteLine("public static " + name + " " + member.Name + " => new " + name + "(" + CSharpLiteral.String(member.Value) + ");");
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>Compares the values ordinally.</summary>");
        writer.WriteLine("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
        writer.WriteLine("/// <summary>Compares the values ordinally.</summary>");
        writer.WriteLine("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
        writer.WriteLine("/// <summary>Compares the values ordinally.</summary>");
        writer.WriteLine("public bool Equals(" + name + " other) => string.Equals(_value, other._value, global::System.StringComparison.Ordinal);");
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine("public override int GetHashCode() => _value is null ? 0 : global::System.StringComparer.Ordinal.GetHashCode(_value);");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The value as sent on the wire.</summary>");
        writer.WriteLine("public override string ToString() => _value ?? string.Empty;");
        writer.CloseBlock();
    }
}
