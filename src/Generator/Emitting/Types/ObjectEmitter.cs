using System.Collections.Generic;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting.Types;

/// <summary>
/// An object schema → <c>sealed partial class</c>: one property per schema property, stored so that "absent" is
/// always null (see <see cref="PropertyStorage"/>), with an "is set" flag for properties that allow JSON null, the C#
/// <c>required</c> modifier for required ones, and a bag that keeps unknown members for the round trip.
/// </summary>
internal static class ObjectEmitter
{
    private const EmitScope Scope = EmitScope.Models;

    public static void Emit(SourceWriter writer, ObjectPlan plan, EmitContext context)
    {
        var model = plan.Model;
        XmlDoc.WriteSummary(writer, model.Description, "The " + XmlDoc.Code(model.Name) + " object.");
        GeneratedAttributes.WriteObsoleteIf(writer, model.Deprecated);
        GeneratedAttributes.WriteJsonConverter(writer, context, model.Name);
        writer.WriteLine(context.Accessibility + " sealed partial class " + model.Name);
        writer.OpenBlock();

        WritePublicConstructor(writer, plan);
        foreach (var property in plan.Properties)
        {
            writer.WriteLine();
            WriteProperty(writer, property, context);
        }

        writer.WriteLine();
        WriteExtensionData(writer, plan, context);
        writer.CloseBlock();
    }

    /// <summary>
    /// The class's second part, in a file of its own: what the converter needs and a reader of the class does not
    /// (the storage behind the properties, and the constructor the converter creates it with).
    /// </summary>
    /// <remarks>
    /// The reader's constructor sets no defaults, so that a member absent from the JSON stays absent when written back.
    /// It leaves non-nullable properties to the reader (or unset, as the JSON had them), which nullable analysis of a
    /// [SetsRequiredMembers] constructor reports as CS8618: the file turns that warning off (<see cref="StorageFileHeader"/>).
    /// </remarks>
    public static void EmitStorage(SourceWriter writer, ObjectPlan plan, EmitContext context)
    {
        writer.WriteLine("partial class " + plan.Model.Name);
        writer.OpenBlock();
        WriteFields(writer, plan, context);
        WriteReaderConstructor(writer, plan, context);
        writer.CloseBlock();
    }

    /// <summary>The storage file's one suppression, for the readers' constructors (see <see cref="EmitStorage"/>).</summary>
    public const string StorageFileHeader = "#pragma warning disable CS8618";

    // Internal, not private: the converter in the JSON namespace reads them to tell absent from set.
    private static void WriteFields(SourceWriter writer, ObjectPlan plan, EmitContext context)
    {
        foreach (var property in plan.Properties)
        {
            if (property.Storage != PropertyStorage.Auto)
            {
                writer.WriteLine("internal " + TypeNames.Nullable(property.Model.Type, context, Scope) + " " + property.FieldName + ";");
            }

            if (property.Storage == PropertyStorage.SetFlag)
            {
                writer.WriteLine("internal bool " + property.SetFlagName + ";");
            }
        }

        writer.WriteLine("internal " + plan.ExtensionType(context, Scope) + "? " + plan.ExtensionFieldName + ";");
    }

    private static void WritePublicConstructor(SourceWriter writer, ObjectPlan plan)
    {
        var name = plan.Model.Name;
        writer.WriteLine("/// <summary>Creates an empty <see cref=\"" + name + "\"/>; properties with a single allowed value start with it.</summary>");
        var defaults = new List<string>();
        foreach (var property in plan.Properties)
        {
            if (property.ConstDefault is not null)
            {
                defaults.Add(property.Model.Name + " = " + property.ConstDefault + ";");
            }
        }

        if (defaults.Count == 0)
        {
            writer.WriteLine("public " + name + "() { }");
            return;
        }

        writer.WriteLine("public " + name + "()");
        writer.OpenBlock();
        foreach (var line in defaults)
        {
            writer.WriteLine(line);
        }

        writer.CloseBlock();
    }

    private static void WriteReaderConstructor(SourceWriter writer, ObjectPlan plan, EmitContext context)
    {
        writer.WriteLine("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers] internal " + plan.Model.Name + "(" + context.DeserializationTagType + " tag) { }");
    }

    private static void WriteProperty(SourceWriter writer, PropertyPlan property, EmitContext context)
    {
        var model = property.Model;
        XmlDoc.WriteSummary(writer, model.Description, "The " + XmlDoc.Code(model.JsonName) + " property.");
        if (property.Storage == PropertyStorage.SetFlag)
        {
            XmlDoc.WriteRemarks(writer, "JSON <c>null</c> is allowed: setting <c>null</c> sends an explicit null; a property never set is left out.");
        }
        else if (model.Deprecated && !property.IsObsolete)
        {
            XmlDoc.WriteRemarks(writer, "Deprecated in the OpenAPI description.");
        }

        GeneratedAttributes.WriteObsoleteIf(writer, property.IsObsolete);
        var declaration = (property.HasRequiredModifier ? "public required " : "public ") + property.PropertyType(context, Scope) + " " + model.Name;
        switch (property.Storage)
        {
            case PropertyStorage.SetFlag:
                writer.WriteLine(declaration + " { get => " + property.FieldName + "; set { " + property.FieldName + " = value; " + property.SetFlagName + " = true; } }");
                break;
            case PropertyStorage.PresenceField:
                writer.WriteLine(declaration + " { get => " + property.FieldName + ".GetValueOrDefault(); set => " + property.FieldName + " = value; }");
                break;
            default:
                writer.WriteLine(declaration + " { get; set; }");
                break;
        }
    }

    private static void WriteExtensionData(SourceWriter writer, ObjectPlan plan, EmitContext context)
    {
        writer.WriteLine(plan.ExtensionValueType is null
            ? "/// <summary>JSON members this type does not declare, kept as read and written back unchanged.</summary>"
            : "/// <summary>The members beyond the declared properties (the schema's <c>additionalProperties</c>).</summary>");
        writer.WriteLine("public " + plan.ExtensionType(context, Scope) + " " + plan.ExtensionPropertyName);
        writer.OpenBlock();
        writer.WriteLine("get => " + plan.ExtensionFieldName + " ??= new " + plan.ExtensionImplementationType(context, Scope) + "();");
        writer.WriteLine("set => " + plan.ExtensionFieldName + " = value;");
        writer.CloseBlock();
    }
}
