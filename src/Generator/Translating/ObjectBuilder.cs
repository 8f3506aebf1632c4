using System.Collections.Generic;
using Microsoft.OpenApi;
using Tether.Generator.Diagnostics;
using Tether.Generator.Model;
using Tether.Generator.Reading;

namespace Tether.Generator.Translating;

/// <summary>
/// Translates the properties of every queued <see cref="ObjectDefinition"/> into an <see cref="ObjectTypeModel"/>,
/// naming them per the rules in <see cref="IdentifierRules"/>. New inline types found on the way are queued and
/// built in the same loop.
/// </summary>
internal sealed class ObjectBuilder(SchemaTranslator translator)
{
    public void BuildPending()
    {
        var count = 0;
        while (translator.Types.TryDequeueObject(out var definition))
        {
            if ((++count & 0x3F) == 0)
            {
                translator.CancellationToken.ThrowIfCancellationRequested();
            }

            Build(definition);
        }
    }

    private void Build(ObjectDefinition definition)
    {
        var scope = new NameScope(IdentifierRules.ReservedMemberNames);
        var properties = new List<PropertyModel>(definition.Properties.Count);
        var facts = new ObjectFacts();
        foreach (var source in definition.Properties)
        {
            var use = translator.Resolve(source.Schema, source.Site);
            var name = PropertyName(source, definition.Name, scope);
            var required = definition.Required.Contains(source.JsonName);
            properties.Add(new PropertyModel(
                source.JsonName,
                name,
                use.Type,
                required,
                use.Nullable,
                source.Schema.Description,
                IsDeprecated(source.Schema),
                use.ConstValue));

            facts.PropertyNames.Add(source.JsonName);
            if (required)
            {
                facts.Required.Add(source.JsonName);
            }

            if (use.ClosedValues is { Count: > 0 } values)
            {
                facts.ConstProperties.Add(new ConstPropertyModel(source.JsonName, values.ToEquatableArray()));
            }
        }

        TypeRef? additional = null;
        if (definition.AdditionalProperties is { } extra)
        {
            additional = translator.Resolve(extra.Schema, extra.Site).Type;
        }

        translator.Types.AddObject(
            new ObjectTypeModel(definition.Name, definition.Site.Pointer, definition.Description, definition.Deprecated, properties.ToEquatableArray(), additional),
            facts);
    }

    private string PropertyName(PropertySource source, string className, NameScope scope)
    {
        var candidate = IdentifierRules.PascalCase(source.JsonName);
        if (candidate.Length == 0)
        {
            candidate = "Property";
        }

        // C# forbids a member named like its enclosing type (CS0542).
        if (candidate == className)
        {
            candidate += "Value";
        }

        var name = scope.Claim(candidate, out var renamed);
        if (renamed)
        {
            translator.Diagnostics.Add(DiagnosticDescriptors.DuplicateName, source.Site.Pointer, className + "." + candidate, source.Site.Pointer, className + "." + name);
        }

        return name;
    }

    private static bool IsDeprecated(IOpenApiSchema schema)
        // For a $ref only what is written next to it counts: a deprecated type does not make every use deprecated.
        => schema is OpenApiSchemaReference reference ? reference.Reference?.Deprecated == true : schema.Deprecated;
}
