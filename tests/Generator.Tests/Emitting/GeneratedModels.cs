using System.Reflection;
using System.Text.Json;
using Tether.Generator.Tests.Support;
using Xunit.Sdk;

namespace Tether.Generator.Tests.Emitting;

/// <summary>
/// The demo models compiled once and loaded for the round-trip tests, with small reflection helpers to drive them
/// (the tests are compiled before the generated types exist, so they cannot name them).
/// </summary>
public sealed class GeneratedModels : IDisposable
{
    private readonly LoadedAssembly _assembly;

    public GeneratedModels()
    {
        _assembly = SourceCompiler.CompileAndLoad(EmittedSource.WithClient(EmittedSource.Emit(DemoModels.All)));
        var client = _assembly.GetType(ModelBuilder.Namespace + "." + ModelBuilder.ClientName);
        Options = (JsonSerializerOptions)client.GetProperty("JsonOptions", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }

    public JsonSerializerOptions Options { get; }

    public Type Model(string name) => _assembly.GetType(ModelBuilder.Namespace + "." + ModelBuilder.ClientName + "Models." + name);

    public object Deserialize(string json, string typeName) =>
        JsonSerializer.Deserialize(json, Model(typeName), Options) ?? throw new XunitException("Deserialized to null.");

    public string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), Options);

    /// <summary>Deserializes, serializes, and asserts the JSON is semantically unchanged; returns the model.</summary>
    public object AssertRoundTrips(string json, string typeName)
    {
        var model = Deserialize(json, typeName);
        JsonSemantic.AssertEqual(json, Serialize(model));
        return model;
    }

    public object Create(string typeName) => Activator.CreateInstance(Model(typeName))!;

    public static object? Get(object instance, string property) =>
        instance.GetType().GetProperty(property)!.GetValue(instance);

    public static void Set(object instance, string property, object? value) =>
        instance.GetType().GetProperty(property)!.SetValue(instance, value);

    public static object? Call(object instance, string method, params object?[] arguments) =>
        instance.GetType().GetMethod(method, BindingFlags.Public | BindingFlags.Instance)!.Invoke(instance, arguments);

    /// <summary>A static member of a generated type (an enum's known value, a union's factory).</summary>
    public object? Static(string typeName, string member, params object?[] arguments)
    {
        var type = Model(typeName);
        var property = type.GetProperty(member, BindingFlags.Public | BindingFlags.Static);
        return property is not null
            ? property.GetValue(null)
            : type.GetMethod(member, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments);
    }

    public void Dispose() => _assembly.Dispose();
}
