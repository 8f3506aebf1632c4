namespace Tether.Generator.Emitting;

/// <summary>
/// An object schema → <c>sealed partial class</c>: one property per schema property over a nullable backing field
/// (null = absent from the JSON), an "is set" flag for properties that allow JSON null, the C# <c>required</c>
/// modifier for required ones, and a bag that keeps unknown members for the round trip.
/// </summary>
internal static class ObjectEmitter
{
    public static void Emit(SourceWriter writer, ObjectPlan plan, EmitContext context)
    {
        var model = plan.Model;
        XmlDoc.WriteSummary(writer, model.Description, "The " + XmlDoc.Code(model.Name) + " object.");
        GeneratedAttributes.WriteObsoleteIf(writer, model.Deprecated);
        GeneratedAttributes.WriteJsonConverter(writer, context, model.Name);
        writer.WriteLine(context.Accessibility + " sealed partial class " + model.Name);
        writer.OpenBlock();

        WriteFields(writer, plan);
        WriteConstructors(writer, plan, context);
        foreach (var property in plan.Properties)
        {
            writer.WriteLine();
            WriteProperty(writer, property);
        }

        writer.WriteLine();
        WriteExtensionData(writer, plan);
        writer.CloseBlock();
    }

    // Internal, not private: the converter in the JSON namespace reads and writes them directly.
    private static void WriteFields(SourceWriter writer, ObjectPlan plan)
    {
        foreach (var property in plan.Properties)
        {
            writer.WriteLine("internal " + property.FieldType + " " + property.FieldName + ";");
            if (property.SetFlagName is not null)
            {
                writer.WriteLine("internal bool " + property.SetFlagName + ";");
            }
        }

        writer.WriteLine("internal " + plan.ExtensionType + "? " + plan.ExtensionFieldName + ";");
        writer.WriteLine();
    }

    private static void WriteConstructors(SourceWriter writer, ObjectPlan plan, EmitContext context)
    {
        var name = plan.Model.Name;
        writer.WriteLine("/// <summary>Creates an empty <see cref=\"" + name + "\"/>; properties with a single allowed value start with it.</summary>");
        writer.WriteLine("public " + name + "()");
        writer.OpenBlock();
        foreach (var property in plan.Properties)
        {
            if (property.ConstDefault is not null)
            {
                writer.WriteLine(property.FieldName + " = " + property.ConstDefault + ";");
                if (property.SetFlagName is not null)
                {
                    writer.WriteLine(property.SetFlagName + " = true;");
                }
            }
        }

        writer.CloseBlock();
        writer.WriteLine();

        // The reader's constructor: no defaults, so that a member absent from the JSON stays absent when written back.
        // It sets no required property itself (the reader does, or the JSON lacked it), which nullable analysis of a
        // [SetsRequiredMembers] constructor reports as CS8618.
        var needsSuppression = false;
        foreach (var property in plan.Properties)
        {
            needsSuppression |= property.HasRequiredModifier && !property.PropertyIsNullable && !property.Model.Type.IsValueType;
        }

        if (needsSuppression)
        {
            writer.WriteLine("#pragma warning disable CS8618");
        }

        writer.WriteLine("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
        writer.WriteLine("internal " + name + "(" + context.DeserializationTagType + " tag)");
        writer.OpenBlock();
        writer.CloseBlock();
        if (needsSuppression)
        {
            writer.WriteLine("#pragma warning restore CS8618");
        }
    }

    private static void WriteProperty(SourceWriter writer, PropertyPlan property)
    {
        var model = property.Model;
        XmlDoc.WriteSummary(writer, model.Description, "The " + XmlDoc.Code(model.JsonName) + " property.");
        if (property.SetFlagName is not null)
        {
            XmlDoc.WriteRemarks(writer, "JSON <c>null</c> is allowed: setting <c>null</c> sends an explicit null; a property never set is left out.");
        }

        GeneratedAttributes.WriteObsoleteIf(writer, model.Deprecated);
        var modifiers = property.HasRequiredModifier ? "public required " : "public ";
        var setter = property.SetFlagName is null
            ? "set => " + property.FieldName + " = value;"
            : "set { " + property.FieldName + " = value; " + property.SetFlagName + " = true; }";
        writer.WriteLine(modifiers + property.PropertyType + " " + model.Name + " { get => " + property.Getter + "; " + setter + " }");
    }

    private static void WriteExtensionData(SourceWriter writer, ObjectPlan plan)
    {
        writer.WriteLine(plan.ExtensionValueType is null
            ? "/// <summary>JSON members this type does not declare, kept as read and written back unchanged.</summary>"
            : "/// <summary>The members beyond the declared properties (the schema's <c>additionalProperties</c>).</summary>");
        writer.WriteLine("public " + plan.ExtensionType + " " + plan.ExtensionPropertyName);
        writer.OpenBlock();
        writer.WriteLine("get => " + plan.ExtensionFieldName + " ??= new " + plan.ExtensionImplementationType + "();");
        writer.WriteLine("set => " + plan.ExtensionFieldName + " = value;");
        writer.CloseBlock();
    }
}
