using System.Collections.Generic;
using Tether.Generator.Model;
using Tether.Generator.Emitting.Text;
using Tether.Generator.Emitting.Types;
using Tether.Generator.Emitting.Json;
using Tether.Generator.Emitting.Client;

namespace Tether.Generator.Emitting;

/// <summary>
/// What every emitter of one client shares: where things go (namespaces, hint names), how generated types are
/// spelled, the model's types by name, and the collection helpers registered while converters are written.
/// </summary>
internal sealed class EmitContext
{
    public EmitContext(ClientSpec spec)
    {
        Target = spec.Target;
        Model = spec.Model;
        RegistersServices = spec.RegistersServices;
        AIAdapters = spec.AIAdapters is { IsEmpty: false } adapters ? adapters : null;

        var prefix = Target.Namespace.Length == 0 ? string.Empty : Target.Namespace + ".";
        ModelsNamespace = prefix + Target.ClassName + "Models";
        JsonNamespace = prefix + Target.ClassName + "Json";
        HintNamePrefix = prefix + Target.ClassName;
        ClientType = "global::" + prefix + Target.ClassName;

        foreach (var type in Model.Types)
        {
            // The parser guarantees unique names; a duplicate would already fail to compile, so first one wins here.
            if (!TypesByName.ContainsKey(type.Name))
            {
                TypesByName.Add(type.Name, type);
            }

            HasDeprecatedTypes |= type.Deprecated;
            if (type is ObjectTypeModel objectType)
            {
                foreach (var property in objectType.Properties)
                {
                    HasDeprecatedMembers |= property.Deprecated;
                }
            }
        }

        HasDeprecatedMembers |= HasDeprecatedTypes;

    }

    public ClientTarget Target { get; }

    public ApiModel Model { get; }

    /// <summary>The models' namespace, <c>App.OpenAIClientModels</c>: unique per client, so schema names never clash with the user's.</summary>
    public string ModelsNamespace { get; }

    /// <summary>The converters' namespace, <c>App.OpenAIClientJson</c>: every type there is internal.</summary>
    public string JsonNamespace { get; }

    public string HintNamePrefix { get; }

    public string ClientType { get; }

    /// <summary>The models take the client class's accessibility, so an internal client leaks no public types.</summary>
    public string Accessibility => Target.Accessibility;

    /// <summary>Whether to write <c>services.Add{Client}(configuration)</c> (the project references Tether.Extensions.Http).</summary>
    public bool RegistersServices { get; }

    /// <summary>The Microsoft.Extensions.AI adapters to write, or null for none (see <see cref="AIAdapterEmitter"/>).</summary>
    public AIAdapterPlan? AIAdapters { get; }

    public Dictionary<string, TypeModel> TypesByName { get; } = new(System.StringComparer.Ordinal);

    /// <summary>True when some generated type is [Obsolete], so generated files that mention it suppress CS0612/CS0618.</summary>
    public bool HasDeprecatedTypes { get; }

    /// <summary>The alias of the models' namespace inside JSON files; no JSON-namespace type can be named so.</summary>
    public const string ModelsAlias = "Models";

    /// <summary>True when some type or property is [Obsolete], so generated files that use it suppress CS0612/CS0618.</summary>
    public bool HasDeprecatedMembers { get; }

    public string ModelType(string name, EmitScope scope = EmitScope.Global) => scope switch
    {
        EmitScope.Models => name,
        EmitScope.Json => ModelsAlias + "." + name,
        _ => "global::" + ModelsNamespace + "." + name,
    };

    /// <summary>Converter names end in <c>Converter</c>; no other type in the JSON namespace does, so none can collide.</summary>
    public string ConverterType(string name, EmitScope scope = EmitScope.Global) => JsonType(ConverterName(name), scope);

    public static string ConverterName(string typeName) => typeName + "Converter";

    /// <summary>The runtime's <c>Tether.Primitives.JsonSupport</c>; the JSON files import its namespace.</summary>
    public string Support(EmitScope scope) => RuntimeTypes.Primitive("JsonSupport", scope);

    public string JsonType(string name, EmitScope scope) => scope == EmitScope.Json ? name : "global::" + JsonNamespace + "." + name;

    public string DeserializationTagType => RuntimeTypes.Primitive("DeserializationTag", EmitScope.Global);

    public string ResolverType => "global::" + JsonNamespace + "." + JsonResolverEmitter.ClassName;

    public TypeModel? FindType(TypeRef type) =>
        type.Kind == TypeRefKind.Named && type.Name is not null && TypesByName.TryGetValue(type.Name, out var model) ? model : null;
}
